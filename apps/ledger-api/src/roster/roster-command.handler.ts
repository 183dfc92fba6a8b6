import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ROSTER_STREAM_ID, type RosterCommand, rosterDecider } from '#domain';
import type { AppendResult, PersonalDataVault } from '#event-store';
import { CommandPipeline } from '../commands/command-pipeline.js';
import { PERSONAL_DATA_VAULT } from '../event-store/event-store.module.js';
import { RosterCommandMessage } from './roster-command.js';

@CommandHandler(RosterCommandMessage)
export class RosterCommandHandler implements ICommandHandler<RosterCommandMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ command: request, context, occurredAt }: RosterCommandMessage): Promise<AppendResult> {
    // The name is sealed before the append; a key left behind by a failed append seals nothing readable.
    const command: RosterCommand =
      request.type === 'RegisterTeamMember'
        ? {
            type: 'RegisterTeamMember',
            personId: request.personId,
            team: request.team,
            sealedDisplayName: await this.vault.seal(request.personId, request.displayName),
          }
        : request;
    return this.pipeline.run({
      decider: rosterDecider,
      streamId: ROSTER_STREAM_ID,
      command,
      context,
      actor: null,
      occurredAt,
    });
  }
}
