import type { AppendRequest } from '../event-store.port.js';
import { chainAppend } from '../hash-chain.js';
import type { ChainHead, EventInsert } from './append-statements.js';

/** The chained events as rows to insert, data and metadata as JSON text. */
export const chainEvents = (
  request: AppendRequest,
  head: ChainHead,
  streamRevision: number,
  recordedAt: string,
): EventInsert[] =>
  chainAppend(request, head, streamRevision, recordedAt).map((recorded) => ({
    ...recorded,
    data: JSON.stringify(recorded.data),
    metadata: JSON.stringify(recorded.metadata),
    recordedAt,
  }));
