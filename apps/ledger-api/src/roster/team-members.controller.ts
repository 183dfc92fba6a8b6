import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRejected, rosterCapability } from '#domain';
import type { AppendResult, PersonalDataVault } from '#event-store';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { EntityIdParams, EntityIdPipe } from '../commands/entity-id.pipe.js';
import { RunCommand } from '../commands/run-command.js';
import { PERSONAL_DATA_VAULT } from '../event-store/event-store.module.js';
import { ForgetTeamMemberDto, RegisterTeamMemberDto, RemoveTeamMemberDto } from './team-member.dto.js';

@EntityIdParams('personId')
@ApiTags('team roster')
@Controller('v1/team-members/:personId')
export class TeamMembersController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  @Post('register')
  @CommandEndpoint(
    'roster',
    'RegisterTeamMember',
    'Put a person on the sales or marketing roster. The display name is personal data: it is sealed with the person’s own key, so that it can be forgotten.',
  )
  async register(
    @Param('personId', EntityIdPipe) personId: string,
    @Body() { displayName, ...member }: RegisterTeamMemberDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    // Sealed before anything is appended; a key left behind by a failed append seals nothing readable.
    const sealedDisplayName = await this.vault.seal(personId, displayName);
    const command = { type: 'RegisterTeamMember' as const, personId, ...member, sealedDisplayName };
    return this.bus.execute(new RunCommand(rosterCapability, command, context));
  }

  @Post('remove')
  @CommandEndpoint('roster', 'RemoveTeamMember', 'Take a person off the roster')
  remove(
    @Param('personId', EntityIdPipe) personId: string,
    @Body() removal: RemoveTeamMemberDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = { type: 'RemoveTeamMember' as const, personId, ...removal };
    return this.bus.execute(new RunCommand(rosterCapability, command, context));
  }

  @Post('forget')
  @CommandEndpoint(
    'roster',
    'ForgetTeamMember',
    'Erase a person’s personal data: their sealing key is destroyed, so every name sealed for them is unreadable, and they leave the roster. The events stay, so the hash chain still verifies; the id is never registered again.',
    { scope: 'personal-data' },
  )
  async forget(
    @Param('personId', EntityIdPipe) personId: string,
    @Body() forgetting: ForgetTeamMemberDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    // The event first, so that a refused request (412, 422, 503) destroys nothing; the keys right after,
    // and again whenever the ledger already says the person is forgotten (a retry, a replay).
    const command = { type: 'ForgetTeamMember' as const, personId, ...forgetting };
    try {
      const result = await this.bus.execute<RunCommand, AppendResult>(
        new RunCommand(rosterCapability, command, context),
      );
      await this.vault.forget(personId);
      return result;
    } catch (error) {
      if (error instanceof CommandRejected && error.code === 'person-forgotten')
        await this.vault.forget(personId);
      throw error;
    }
  }
}
