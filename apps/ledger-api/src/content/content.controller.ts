import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { contentCapability } from '#domain';
import type { AppendResult } from '#event-store';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { EntityIdParams, EntityIdPipe } from '../commands/entity-id.pipe.js';
import { RunCommand } from '../commands/run-command.js';
import { requireInTaxonomy } from '../commands/taxonomy.js';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { AddressObjectionDto, WithdrawContentDto } from './content.dto.js';

@EntityIdParams('contentId')
@ApiTags('objections')
@Controller('v1/content/:contentId')
export class ContentController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Post('address-objection')
  @CommandEndpoint(
    'content',
    'AddressObjection',
    'Marketing publishes content that answers an objection category',
  )
  address(
    @Param('contentId', EntityIdPipe) contentId: string,
    @Body() content: AddressObjectionDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    requireInTaxonomy(this.config.objectionCategories, content.category, 'category');
    const command = { type: 'AddressObjection' as const, contentId, ...content };
    return this.bus.execute(new RunCommand(contentCapability, command, context));
  }

  @Post('withdraw')
  @CommandEndpoint('content', 'WithdrawContent', 'Withdraw published content')
  withdraw(
    @Param('contentId', EntityIdPipe) contentId: string,
    @Body() withdrawal: WithdrawContentDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = { type: 'WithdrawContent' as const, contentId, ...withdrawal };
    return this.bus.execute(new RunCommand(contentCapability, command, context));
  }
}
