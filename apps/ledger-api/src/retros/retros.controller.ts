import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { type RetroSubject, retroCapability } from '#domain';
import type { AppendResult } from '#event-store';
import { CompleteActionItemDto, plainActionItems } from '../commands/action-item.dto.js';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { EntityIdParams, EntityIdPipe } from '../commands/entity-id.pipe.js';
import { RunCommand } from '../commands/run-command.js';
import { AddRetroNoteDto, CloseRetroDto, OpenRetroDto, type RetroSubjectDto } from './retro.dto.js';

const subjectOf = (dto: RetroSubjectDto): RetroSubject => {
  switch (dto.kind) {
    case 'campaign':
      return { kind: 'campaign', campaignId: dto.campaignId ?? '' };
    case 'deal':
      return { kind: 'deal', dealId: dto.dealId ?? '' };
    case 'period':
      return { kind: 'period', period: dto.period ?? '' };
  }
};

@EntityIdParams('retroId', 'actionItemId')
@ApiTags('retros')
@Controller('v1/retros/:retroId')
export class RetrosController {
  constructor(private readonly bus: CommandBus) {}

  @Post('open')
  @CommandEndpoint('retros', 'OpenRetro', 'Open a blame-free retro on a campaign, a deal or a period')
  open(
    @Param('retroId', EntityIdPipe) retroId: string,
    @Body() { subject, ...retro }: OpenRetroDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = { type: 'OpenRetro' as const, retroId, subject: subjectOf(subject), ...retro };
    return this.bus.execute(new RunCommand(retroCapability, command, context));
  }

  @Post('add-note')
  @CommandEndpoint(
    'retros',
    'AddRetroNote',
    'Add a note; blaming text is refused (422 lists the phrases). Without author nothing identifying the author is stored.',
  )
  addNote(
    @Param('retroId', EntityIdPipe) retroId: string,
    @Body() { author, ...note }: AddRetroNoteDto,
    // Without an author, the client's Idempotency-Key and correlation id are anonymised.
    @CommandCtx('anonymous-unless-author') context: CommandContext,
  ): Promise<AppendResult> {
    const command = { type: 'AddRetroNote' as const, retroId, ...note, author: author ?? null };
    return this.bus.execute(new RunCommand(retroCapability, command, context));
  }

  @Post('close')
  @CommandEndpoint('retros', 'CloseRetro', 'Close the retro with its action items; no notes after close')
  close(
    @Param('retroId', EntityIdPipe) retroId: string,
    @Body() { actionItems, ...close }: CloseRetroDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = {
      type: 'CloseRetro' as const,
      retroId,
      ...close,
      actionItems: plainActionItems(actionItems),
    };
    return this.bus.execute(new RunCommand(retroCapability, command, context));
  }

  @Post('action-items/:actionItemId/complete')
  @CommandEndpoint(
    'retros',
    'CompleteRetroActionItem',
    'Complete an action item of a closed retro (a repeat returns the first result)',
  )
  complete(
    @Param('retroId', EntityIdPipe) retroId: string,
    @Param('actionItemId', EntityIdPipe) actionItemId: string,
    @Body() completion: CompleteActionItemDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = { type: 'CompleteRetroActionItem' as const, retroId, actionItemId, ...completion };
    return this.bus.execute(new RunCommand(retroCapability, command, context));
  }
}
