import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { type LedgerService, networkCode, refusal, unreachable } from '../service/service-client.js';

export interface ExportStream {
  /** The log's head when the export began: the last position it will send. */
  head: number;
  chunks: AsyncIterable<Buffer>;
}

/** GET /v1/events as NDJSON after a position: the whole log streamed, up to the head at its start. */
export const openExport = async (service: LedgerService, after: number): Promise<ExportStream> => {
  let response: Response;
  try {
    response = await fetch(`${service.baseUrl}/v1/events?after=${after}`, {
      headers: { Accept: 'application/x-ndjson', Authorization: `Bearer ${service.credentials}` },
    });
  } catch (error) {
    const code = networkCode(error);
    throw code === null ? error : unreachable(service.baseUrl, code);
  }
  if (!response.ok || !response.body) {
    const problem: unknown = await response.json().catch(() => undefined);
    throw refusal('ReadAllEvents (export)', response, problem);
  }
  return {
    head: Number(response.headers.get('x-ledger-head-position') ?? 0),
    chunks: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
  };
};
