import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { goalCapability } from '#domain';
import type { AppendResult } from '#event-store';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { PeriodParam, PeriodTextPipe } from '../scorecards/period.pipe.js';
import { RunCommand } from '../commands/run-command.js';
import { SetSharedGoalDto } from './goal.dto.js';

@PeriodParam()
@ApiTags('shared goals')
@Controller('v1/shared-goals/:period')
export class GoalsController {
  constructor(private readonly bus: CommandBus) {}

  @Post('set')
  @CommandEndpoint(
    'goals',
    'SetSharedGoal',
    'The one number both teams are judged on, for a period YYYY-Www, YYYY-MM or YYYY-Qn; setting it again revises it and keeps the history',
  )
  set(
    @Param('period', PeriodTextPipe) period: string,
    @Body() { leadFollowUpSlaHours, ...goal }: SetSharedGoalDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = {
      type: 'SetSharedGoal' as const,
      period,
      ...goal,
      leadFollowUpSlaHours: leadFollowUpSlaHours ?? 24,
    };
    return this.bus.execute(new RunCommand(goalCapability, command, context));
  }
}
