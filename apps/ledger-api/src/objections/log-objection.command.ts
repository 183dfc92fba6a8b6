import { Command } from '@nestjs/cqrs';
import type { LogObjection } from '#domain';
import type { AppendResult } from '#event-store';
import type { CommandContext } from '../commands/command-context.js';

export class LogObjectionCommand extends Command<AppendResult> {
  constructor(
    readonly command: LogObjection,
    readonly context: CommandContext,
    readonly occurredAt: string | undefined,
  ) {
    super();
  }
}
