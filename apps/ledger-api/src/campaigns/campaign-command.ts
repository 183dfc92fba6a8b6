import type { CampaignCommand } from '#domain';
import { CapabilityCommand } from '../commands/capability-command.js';

export class CampaignCommandMessage extends CapabilityCommand<CampaignCommand> {}
