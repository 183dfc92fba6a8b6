import type { Command, CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { AppendResult } from '#event-store';
import { type CommandResultDto, sendCommandResult } from './command-response.js';

/** Executes a capability command and writes its result (201, ETag) to the response. */
export const sendCommand = async (
  bus: CommandBus,
  message: Command<AppendResult>,
  response: Response,
): Promise<CommandResultDto> => sendCommandResult(response, await bus.execute(message));
