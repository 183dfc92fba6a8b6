import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { type CelebrationSubject, celebrationCapability } from '#domain';
import type { AppendResult } from '#event-store';
import { plainAttendees } from '../commands/attendee.dto.js';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { EntityIdParams, EntityIdPipe } from '../commands/entity-id.pipe.js';
import { RunCommand } from '../commands/run-command.js';
import { CelebrateWinDto, type CelebrationSubjectDto } from './celebration.dto.js';

const subjectOf = (dto: CelebrationSubjectDto): CelebrationSubject =>
  dto.kind === 'goal'
    ? { kind: 'goal', period: dto.period ?? '' }
    : { kind: 'deals', dealIds: dto.dealIds ?? [] };

@EntityIdParams('celebrationId')
@ApiTags('celebrations')
@Controller('v1/celebrations/:celebrationId')
export class CelebrationsController {
  constructor(private readonly bus: CommandBus) {}

  @Post('celebrate')
  @CommandEndpoint(
    'celebrations',
    'CelebrateWin',
    'Celebrate a shared goal or deals together; attendees with their teams',
  )
  celebrate(
    @Param('celebrationId', EntityIdPipe) celebrationId: string,
    @Body() { occurredAt, subject, attendees }: CelebrateWinDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = {
      type: 'CelebrateWin' as const,
      celebrationId,
      subject: subjectOf(subject),
      attendees: plainAttendees(attendees),
      occurredAt,
    };
    return this.bus.execute(new RunCommand(celebrationCapability, command, context));
  }
}
