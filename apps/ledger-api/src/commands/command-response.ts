import { ApiProperty } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AppendResult } from '#event-store';

class AppendedEventDto {
  @ApiProperty({ example: '0b6c1f58-5d7e-5c43-9a0e-3f1d2a4b5c6d' })
  eventId!: string;
  @ApiProperty({ example: 'CampaignLaunched' })
  type!: string;
  @ApiProperty({ example: 0 })
  streamRevision!: number;
  @ApiProperty({ example: 42 })
  globalPosition!: number;
}

/** What every command answers; the stream revision is also the ETag. */
export class CommandResultDto {
  @ApiProperty({ example: 'launch-q3-upsell-1' })
  commandId!: string;
  @ApiProperty({ example: 'campaign-q3-upsell' })
  streamId!: string;
  @ApiProperty({ example: 0, description: 'Revision of the stream after the command; -1: no events yet' })
  streamRevision!: number;
  @ApiProperty({ example: 42, description: 'Global position reached; use it for read-your-writes' })
  globalPosition!: number;
  @ApiProperty({ type: [AppendedEventDto] })
  events!: AppendedEventDto[];
}

export const etagOf = (revision: number) => `"${revision}"`;

export const locationOf = (result: AppendResult) =>
  `/v1/streams/${encodeURIComponent(result.streamId)}/events`;

export const sendCommandResult = (response: Response, result: AppendResult): CommandResultDto => {
  response.status(201);
  response.setHeader('ETag', etagOf(result.streamRevision));
  response.setHeader('Location', locationOf(result));
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return commandResultBody(result);
};

export const commandResultBody = (result: AppendResult): CommandResultDto => {
  // Built field by field: a replay reads the result back from JSONB, which reorders
  // keys, and a retry must get byte-for-byte the first response.
  const { commandId, streamId, streamRevision, globalPosition } = result;
  const events = result.events.map(({ eventId, type, streamRevision, globalPosition }) => ({
    eventId,
    type,
    streamRevision,
    globalPosition,
  }));
  return { commandId, streamId, streamRevision, globalPosition, events };
};
