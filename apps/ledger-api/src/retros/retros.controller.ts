import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { RetroSubject } from '#domain';
import { plainActionItems } from '../commands/action-item.dto.js';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import type { CommandResultDto } from '../commands/command-response.js';
import { EntityIdPipe } from '../commands/entity-id.pipe.js';
import { sendCommand } from '../commands/send-command.js';
import { RetroCommandMessage } from './retro-command.js';
import {
  AddRetroNoteDto,
  CloseRetroDto,
  CompleteActionItemDto,
  OpenRetroDto,
  type RetroSubjectDto,
} from './retro.dto.js';

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

@ApiTags('retros')
@Controller('v1/retros/:retroId')
export class RetrosController {
  constructor(private readonly bus: CommandBus) {}

  @Post('open')
  @CommandEndpoint('OpenRetro', 'Open a blame-free retro on a campaign, a deal or a period')
  open(
    @Param('retroId', EntityIdPipe) retroId: string,
    @Body() { occurredAt, subject, facilitator }: OpenRetroDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = { type: 'OpenRetro' as const, retroId, subject: subjectOf(subject), facilitator };
    return sendCommand(this.bus, new RetroCommandMessage(command, context, occurredAt), response);
  }

  @Post('add-note')
  @CommandEndpoint(
    'AddRetroNote',
    'Add a note; blaming text is refused (422 lists the phrases). Without author nothing identifying the author is stored.',
  )
  addNote(
    @Param('retroId', EntityIdPipe) retroId: string,
    @Body() { occurredAt, author, ...note }: AddRetroNoteDto,
    // Without an author, the client's Idempotency-Key and correlation id are anonymised.
    @CommandCtx('anonymous-unless-author') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = { type: 'AddRetroNote' as const, retroId, ...note, author: author ?? null };
    return sendCommand(this.bus, new RetroCommandMessage(command, context, occurredAt), response);
  }

  @Post('close')
  @CommandEndpoint('CloseRetro', 'Close the retro with its action items; no notes after close')
  close(
    @Param('retroId', EntityIdPipe) retroId: string,
    @Body() { occurredAt, closedBy, actionItems }: CloseRetroDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const items = plainActionItems(actionItems);
    const command = { type: 'CloseRetro' as const, retroId, closedBy, actionItems: items };
    return sendCommand(this.bus, new RetroCommandMessage(command, context, occurredAt), response);
  }

  @Post('action-items/:actionItemId/complete')
  @CommandEndpoint(
    'CompleteRetroActionItem',
    'Complete an action item of a closed retro (a repeat returns the first result)',
  )
  complete(
    @Param('retroId', EntityIdPipe) retroId: string,
    @Param('actionItemId', EntityIdPipe) actionItemId: string,
    @Body() { occurredAt, completedBy }: CompleteActionItemDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = { type: 'CompleteRetroActionItem' as const, retroId, actionItemId, completedBy };
    return sendCommand(this.bus, new RetroCommandMessage(command, context, occurredAt), response);
  }
}
