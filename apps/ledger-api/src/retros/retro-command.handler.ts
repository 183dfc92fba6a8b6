import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RetroCommand, retroDecider, retroStreamId } from '#domain';
import type { AppendResult } from '#event-store';
import { CommandPipeline } from '../commands/command-pipeline.js';
import { RosterReader } from '../commands/roster-reader.js';
import { RetroCommandMessage } from './retro-command.js';

/** An anonymous note has no actor: nothing identifying its author reaches the log. */
const actorOf = (command: RetroCommand): string | null => {
  switch (command.type) {
    case 'OpenRetro':
      return command.facilitator;
    case 'AddRetroNote':
      return command.author;
    case 'CloseRetro':
      return command.closedBy;
    case 'CompleteRetroActionItem':
      return command.completedBy;
  }
};

@CommandHandler(RetroCommandMessage)
export class RetroCommandHandler implements ICommandHandler<RetroCommandMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly roster: RosterReader,
  ) {}

  async execute({ command, context, occurredAt }: RetroCommandMessage): Promise<AppendResult> {
    const full = { ...command, roster: await this.roster.current() } as RetroCommand;
    return this.pipeline.run({
      decider: retroDecider,
      streamId: retroStreamId(full.retroId),
      command: full,
      context,
      actor: actorOf(full),
      occurredAt,
    });
  }
}
