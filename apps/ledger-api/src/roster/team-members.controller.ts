import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Response } from 'express';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import type { CommandResultDto } from '../commands/command-response.js';
import { OccurredAt, Text } from '../commands/dto-rules.js';
import { EntityIdPipe } from '../commands/entity-id.pipe.js';
import { sendCommand } from '../commands/send-command.js';
import { RosterCommandMessage } from './roster-command.js';

export class RegisterTeamMemberDto {
  @Text(200, 'Sam Okafor')
  displayName!: string;

  @ApiProperty({ enum: ['sales', 'marketing'], example: 'sales' })
  @IsIn(['sales', 'marketing'])
  team!: 'sales' | 'marketing';

  @OccurredAt()
  occurredAt?: string;
}

export class RemoveTeamMemberDto {
  @OccurredAt()
  occurredAt?: string;
}

@ApiTags('team roster')
@Controller('v1/team-members/:personId')
export class TeamMembersController {
  constructor(private readonly bus: CommandBus) {}

  @Post('register')
  @CommandEndpoint(
    'RegisterTeamMember',
    'Put a person on the sales or marketing roster. The display name is personal data: it is sealed with the person’s own key, so that it can be forgotten.',
  )
  register(
    @Param('personId', EntityIdPipe) personId: string,
    @Body() { occurredAt, displayName, team }: RegisterTeamMemberDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = { type: 'RegisterTeamMember' as const, personId, displayName, team };
    return sendCommand(this.bus, new RosterCommandMessage(command, context, occurredAt), response);
  }

  @Post('remove')
  @CommandEndpoint('RemoveTeamMember', 'Take a person off the roster')
  remove(
    @Param('personId', EntityIdPipe) personId: string,
    @Body() { occurredAt }: RemoveTeamMemberDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    return sendCommand(
      this.bus,
      new RosterCommandMessage({ type: 'RemoveTeamMember', personId }, context, occurredAt),
      response,
    );
  }
}
