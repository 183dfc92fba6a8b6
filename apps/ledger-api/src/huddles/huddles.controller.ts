import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { huddleCapability } from '#domain';
import type { AppendResult } from '#event-store';
import { CompleteActionItemDto, plainActionItems } from '../commands/action-item.dto.js';
import { plainAttendees } from '../commands/attendee.dto.js';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { EntityIdParams, EntityIdPipe } from '../commands/entity-id.pipe.js';
import { RunCommand } from '../commands/run-command.js';
import { requireAllInTaxonomy } from '../commands/taxonomy.js';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { HoldHuddleDto } from './huddle.dto.js';

@EntityIdParams('huddleId', 'actionItemId')
@ApiTags('huddles')
@Controller('v1/huddles/:huddleId')
export class HuddlesController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Post('hold')
  @CommandEndpoint(
    'huddles',
    'HoldHuddle',
    'A joint sales–marketing huddle: attendees, numbers, what works, what does not, action items',
  )
  hold(
    @Param('huddleId', EntityIdPipe) huddleId: string,
    @Body() { attendees, actionItems, ...huddle }: HoldHuddleDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    requireAllInTaxonomy(
      this.config.objectionCategories,
      huddle.objectionCategoriesDiscussed,
      'objectionCategoriesDiscussed',
    );
    const command = {
      type: 'HoldHuddle' as const,
      huddleId,
      ...huddle,
      attendees: plainAttendees(attendees),
      actionItems: plainActionItems(actionItems),
    };
    return this.bus.execute(new RunCommand(huddleCapability, command, context));
  }

  @Post('action-items/:actionItemId/complete')
  @CommandEndpoint(
    'huddles',
    'CompleteActionItem',
    'Complete an action item of a huddle (a repeat returns the first result)',
  )
  complete(
    @Param('huddleId', EntityIdPipe) huddleId: string,
    @Param('actionItemId', EntityIdPipe) actionItemId: string,
    @Body() completion: CompleteActionItemDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = { type: 'CompleteActionItem' as const, huddleId, actionItemId, ...completion };
    return this.bus.execute(new RunCommand(huddleCapability, command, context));
  }
}
