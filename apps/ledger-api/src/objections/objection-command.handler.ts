import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type ContentCommand,
  type ObjectionCommand,
  contentDecider,
  contentStreamId,
  objectionDecider,
  objectionStreamId,
} from '#domain';
import type { AppendResult } from '#event-store';
import { CommandPipeline } from '../commands/command-pipeline.js';
import { RosterReader } from '../commands/roster-reader.js';
import { ContentCommandMessage, ObjectionCommandMessage } from './objection-command.js';

@CommandHandler(ObjectionCommandMessage)
export class ObjectionCommandHandler implements ICommandHandler<ObjectionCommandMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly roster: RosterReader,
  ) {}

  async execute({ command, context, occurredAt }: ObjectionCommandMessage): Promise<AppendResult> {
    const full: ObjectionCommand = { ...command, roster: await this.roster.current() };
    return this.pipeline.run({
      decider: objectionDecider,
      streamId: objectionStreamId(full.objectionId),
      command: full,
      context,
      actor: full.heardBy,
      occurredAt,
    });
  }
}

@CommandHandler(ContentCommandMessage)
export class ContentCommandHandler implements ICommandHandler<ContentCommandMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly roster: RosterReader,
  ) {}

  async execute({ command, context, occurredAt }: ContentCommandMessage): Promise<AppendResult> {
    const full = { ...command, roster: await this.roster.current() } as ContentCommand;
    return this.pipeline.run({
      decider: contentDecider,
      streamId: contentStreamId(full.contentId),
      command: full,
      context,
      actor: full.type === 'AddressObjection' ? full.publishedBy : full.withdrawnBy,
      occurredAt,
    });
  }
}
