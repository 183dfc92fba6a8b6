/**
 * The one payload every append figure writes: an ObjectionLogged as LogObjection
 * records it, about 200 bytes of data and 200 of metadata.
 */
import { randomUUID } from 'node:crypto';
import { type AppendRequest, type JsonObject, type NewEvent, anyState } from '#event-store';

const CATEGORIES = ['price', 'timing', 'competitor', 'feature-gap', 'integration', 'trust', 'other'];

export const objectionData = (i: number): JsonObject => ({
  objectionId: `objection-${String(i).padStart(8, '0')}`,
  category: CATEGORIES[i % CATEGORIES.length],
  text: `Heard on call ${i}: the annual price is above what procurement signs off alone.`,
  heardBy: 'person-sam',
  dealId: null,
  campaignId: null,
  blameFlag: false,
});

export const objectionMetadata = (i: number) => ({
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  actor: 'person-sam',
  principal: { kind: 'api-key' as const, id: 'key-0123456789abcdef', name: 'benchmark' },
  occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
});

export const objectionEvent = (i: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'ObjectionLogged',
  schemaVersion: 2,
  data: objectionData(i),
  metadata: objectionMetadata(i),
});

/** The same event as a raw row's body: what a bare INSERT writes. */
export const rawBody = (i: number): string => {
  const event = objectionEvent(i);
  return JSON.stringify({ type: event.type, data: event.data, metadata: event.metadata });
};

/** An append of `count` objections to a stream of its own (expected state: any). */
export const objectionAppend = (streamId: string, first: number, count = 1): AppendRequest => ({
  streamId,
  events: Array.from({ length: count }, (_, k) => objectionEvent(first + k)),
  expectedState: anyState,
  command: { commandId: `${streamId}-${first}`, fingerprint: 'bench' },
});

/** The body of a LogObjection command, as the HTTP figures post it. */
export const logObjectionBody = (i: number) => ({
  category: 'price',
  text: `heard on call ${i}`,
  heardBy: 'person-sam',
});
