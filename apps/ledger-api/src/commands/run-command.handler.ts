import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type AppendResult, CommandIdReusedError } from '#event-store';
import type { CommandContext } from './command-context.js';
import { GroupCommitter } from './group-commit/group-committer.js';
import { RunCommand } from './run-command.js';

/**
 * The write path every command takes: decided against its stream and the
 * roster and appended with the revisions it was decided on, together with the
 * commands that arrive with it (GroupCommitter). A command id seen before is
 * answered by the store with its first result, in the same round trip as the
 * append; a command refused for any reason is checked against the record of
 * its id as well, since a retry of a command that landed may well be refused
 * by the state it made (launching twice, an If-Match it moved past).
 */
@CommandHandler(RunCommand)
export class RunCommandHandler implements ICommandHandler<RunCommand> {
  constructor(private readonly committer: GroupCommitter) {}

  async execute(message: RunCommand): Promise<AppendResult> {
    try {
      return await this.committer.submit(message);
    } catch (error) {
      const twin = await this.replayOf(message.context);
      if (twin) return twin;
      throw error;
    }
  }

  private async replayOf(context: CommandContext): Promise<AppendResult | null> {
    const earlier = await this.committer.findCommand(context.commandId);
    if (!earlier) return null;
    if (earlier.fingerprint !== context.fingerprint) throw new CommandIdReusedError(context.commandId);
    return { ...earlier.result, replayed: true };
  }
}
