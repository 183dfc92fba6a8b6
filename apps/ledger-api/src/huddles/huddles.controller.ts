import { Body, Controller, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { plainAttendees } from '../commands/attendee.dto.js';
import { plainActionItems } from '../commands/action-item.dto.js';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import type { CommandResultDto } from '../commands/command-response.js';
import { EntityIdPipe } from '../commands/entity-id.pipe.js';
import { sendCommand } from '../commands/send-command.js';
import { CompleteActionItemDto } from '../retros/retro.dto.js';
import { requireAllInTaxonomy } from '../commands/taxonomy.js';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { HuddleCommandMessage } from './huddle-command.js';
import { HoldHuddleDto } from './huddle.dto.js';

@ApiTags('huddles')
@Controller('v1/huddles/:huddleId')
export class HuddlesController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Post('hold')
  @CommandEndpoint(
    'HoldHuddle',
    'A joint sales–marketing huddle: attendees, numbers, what works, what does not, action items',
  )
  hold(
    @Param('huddleId', EntityIdPipe) huddleId: string,
    @Body() { occurredAt, attendees, actionItems, ...huddle }: HoldHuddleDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    requireAllInTaxonomy(
      this.config.objectionCategories,
      huddle.objectionCategoriesDiscussed,
      'objectionCategoriesDiscussed',
    );
    const items = plainActionItems(actionItems);
    const command = {
      type: 'HoldHuddle' as const,
      huddleId,
      ...huddle,
      attendees: plainAttendees(attendees),
      actionItems: items,
    };
    return sendCommand(this.bus, new HuddleCommandMessage(command, context, occurredAt), response);
  }

  @Post('action-items/:actionItemId/complete')
  @CommandEndpoint(
    'CompleteActionItem',
    'Complete an action item of a huddle (a repeat returns the first result)',
  )
  complete(
    @Param('huddleId', EntityIdPipe) huddleId: string,
    @Param('actionItemId', EntityIdPipe) actionItemId: string,
    @Body() { occurredAt, completedBy }: CompleteActionItemDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = { type: 'CompleteActionItem' as const, huddleId, actionItemId, completedBy };
    return sendCommand(this.bus, new HuddleCommandMessage(command, context, occurredAt), response);
  }
}
