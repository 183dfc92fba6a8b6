import { randomUUID } from 'node:crypto';
import {
  type EventStore,
  type ExpectedState,
  type NewEvent,
  type RecordedEvent,
  anyState,
} from '#event-store';

export const newEvent = (type: string, data: NewEvent['data'] = {}): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: {
    commandId: 'cmd',
    correlationId: 'corr',
    causationId: 'cmd',
    actor: 'tester',
    occurredAt: '2026-11-02T09:00:00.000Z',
  },
});

export const appendTo = (
  store: EventStore,
  streamId: string,
  events: NewEvent[],
  expectedState: ExpectedState = anyState,
  commandId: string = randomUUID(),
) => store.append({ streamId, events, expectedState, command: { commandId, fingerprint: 'f' } });

/** Takes `count` events from a subscription, failing after `timeoutMs`. */
export const take = async (
  source: AsyncIterable<RecordedEvent>,
  count: number,
  timeoutMs = 10_000,
): Promise<RecordedEvent[]> => {
  const taken: RecordedEvent[] = [];
  if (count === 0) return taken;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`only ${taken.length}/${count} events`)), timeoutMs);
  });
  const collect = (async () => {
    for await (const event of source) {
      taken.push(event);
      if (taken.length === count) break;
    }
  })();
  try {
    await Promise.race([collect, timeout]);
  } finally {
    clearTimeout(timer);
  }
  return taken;
};
