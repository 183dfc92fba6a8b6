import type { RetroCommand } from '#domain';
import { CapabilityCommand } from '../commands/capability-command.js';

export class RetroCommandMessage extends CapabilityCommand<RetroCommand> {}
