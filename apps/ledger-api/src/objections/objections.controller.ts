import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { type CommandResultDto, sendCommandResult } from '../commands/command-response.js';
import { EntityIdPipe } from '../commands/entity-id.pipe.js';
import { LogObjectionCommand } from './log-objection.command.js';
import { LogObjectionDto } from './log-objection.dto.js';

@ApiTags('objections')
@Controller('v1/objections')
export class ObjectionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':objectionId/log')
  @CommandEndpoint('LogObjection', 'Log an objection a sales rep heard')
  async log(
    @Param('objectionId', EntityIdPipe) objectionId: string,
    @Body() { occurredAt, dealId, campaignId, ...heard }: LogObjectionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = {
      type: 'LogObjection' as const,
      objectionId,
      ...heard,
      dealId: dealId ?? null,
      campaignId: campaignId ?? null,
    };
    const result = await this.commands.execute(new LogObjectionCommand(command, context, occurredAt));
    return sendCommandResult(response, result);
  }
}
