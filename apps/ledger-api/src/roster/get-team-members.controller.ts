import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { type TeamMemberRow, teamMembersQuery } from '#projections';
import type { PersonalDataVault } from '#event-store';
import { callerHolds } from '../access/request-principal.js';
import { PERSONAL_DATA_VAULT } from '../event-store/event-store.module.js';
import { MinPositionQuery } from '../projections/min-position.dto.js';
import { ReadModels } from '../projections/read-models.js';
import { ReadEndpoint } from '../projections/read-endpoint.decorator.js';
import { type TeamMemberDto, TeamMembersDto } from './team-member.dto.js';

@ApiTags('team roster')
@Controller('v1/team-members')
export class GetTeamMembersController {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  @Get()
  @ReadEndpoint({
    operationId: 'ListTeamMembers',
    summary:
      'Everyone ever on the roster: team, since when, removed when, forgotten; display names only with personal-data',
    type: TeamMembersDto,
  })
  async list(@Query() query: MinPositionQuery, @Req() request: Request): Promise<TeamMembersDto> {
    const rows = await this.readModels.read(teamMembersQuery, {}, query);
    const withNames = callerHolds(request, 'personal-data');
    return { members: await Promise.all(rows.map((row) => this.member(row, withNames))) };
  }

  private async member(row: TeamMemberRow, withName: boolean): Promise<TeamMemberDto> {
    const { sealedDisplayName, forgottenAt, ...member } = row;
    const entry = { ...member, forgotten: forgottenAt !== null };
    if (!withName) return entry;
    const displayName = sealedDisplayName && (await this.vault.open(row.personId, sealedDisplayName));
    return { ...entry, displayName: displayName || null };
  }
}
