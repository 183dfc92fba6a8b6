import type { ContentCommand, ObjectionCommand } from '#domain';
import { CapabilityCommand } from '../commands/capability-command.js';

export class ObjectionCommandMessage extends CapabilityCommand<ObjectionCommand> {}
export class ContentCommandMessage extends CapabilityCommand<ContentCommand> {}
