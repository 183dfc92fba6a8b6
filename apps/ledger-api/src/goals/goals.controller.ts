import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { MAX_LEAD_FOLLOW_UP_SLA_HOURS } from '#domain';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import type { CommandResultDto } from '../commands/command-response.js';
import { EntityId, OccurredAt } from '../commands/dto-rules.js';
import { EntityIdPipe } from '../commands/entity-id.pipe.js';
import { sendCommand } from '../commands/send-command.js';
import { GoalCommandMessage } from './goal-command.js';

export class SetSharedGoalDto {
  @ApiProperty({ example: 50000000, description: 'Revenue target in integer minor units (cents)' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  revenueTarget!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217; must be the ledger’s currency (LEDGER_CURRENCY)' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;

  @ApiPropertyOptional({ example: 24, default: 24, minimum: 1, maximum: MAX_LEAD_FOLLOW_UP_SLA_HOURS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_LEAD_FOLLOW_UP_SLA_HOURS)
  leadFollowUpSlaHours?: number;

  @EntityId('person-mia', 'Person id of who sets it (either team)')
  setBy!: string;

  @OccurredAt()
  occurredAt?: string;
}

@ApiTags('shared goals')
@Controller('v1/shared-goals/:period')
export class GoalsController {
  constructor(private readonly bus: CommandBus) {}

  @Post('set')
  @CommandEndpoint(
    'SetSharedGoal',
    'The one number both teams are judged on, for a period YYYY-Www, YYYY-MM or YYYY-Qn; setting it again revises it and keeps the history',
  )
  set(
    @Param('period', EntityIdPipe) period: string,
    @Body() { occurredAt, leadFollowUpSlaHours, ...goal }: SetSharedGoalDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = {
      type: 'SetSharedGoal' as const,
      period,
      ...goal,
      leadFollowUpSlaHours: leadFollowUpSlaHours ?? 24,
    };
    return sendCommand(this.bus, new GoalCommandMessage(command, context, occurredAt), response);
  }
}
