import { Command } from '@nestjs/cqrs';
import type { LaunchCampaign } from '#domain';
import type { AppendResult } from '#event-store';
import type { CommandContext } from '../commands/command-context.js';

export class LaunchCampaignCommand extends Command<AppendResult> {
  constructor(
    readonly command: LaunchCampaign,
    readonly context: CommandContext,
    readonly occurredAt: string | undefined,
  ) {
    super();
  }
}
