import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { objectionDecider, objectionStreamId } from '#domain';
import type { AppendResult } from '#event-store';
import { CommandPipeline } from '../commands/command-pipeline.js';
import { LogObjectionCommand } from './log-objection.command.js';

@CommandHandler(LogObjectionCommand)
export class LogObjectionHandler implements ICommandHandler<LogObjectionCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, context, occurredAt }: LogObjectionCommand): Promise<AppendResult> {
    return this.pipeline.run({
      decider: objectionDecider,
      streamId: objectionStreamId(command.objectionId),
      command,
      context,
      actor: command.heardBy,
      occurredAt,
    });
  }
}
