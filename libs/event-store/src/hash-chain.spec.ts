import { createHash } from 'node:crypto';
import type { RecordedEvent } from './event-store.port.js';
import { GENESIS_HASH, chainHash, findChainBreak } from './hash-chain.js';

const event: Omit<RecordedEvent, 'hash' | 'previousHash'> = {
  eventId: '7b0d1c9e-0a4e-4b8f-9d61-2f3c4a5b6c7d',
  type: 'DealRecorded',
  schemaVersion: 1,
  data: { outcome: 'won', amount: 120000, note: 'é' },
  metadata: {
    commandId: 'c1',
    correlationId: 'k1',
    causationId: 'c1',
    actor: 'person-ana',
    occurredAt: '2026-11-02T09:00:00.000Z',
    recordedAt: '2026-11-02T09:00:01.000Z',
  },
  streamId: 'deal-1',
  streamRevision: 0,
  globalPosition: 1,
};

// RFC 8785 by hand: keys sorted by UTF-16 code units, no whitespace, numbers in shortest form.
const canonicalByHand =
  '{"data":{"amount":120000,"note":"é","outcome":"won"},"eventId":"7b0d1c9e-0a4e-4b8f-9d61-2f3c4a5b6c7d",' +
  '"globalPosition":1,"metadata":{"actor":"person-ana","causationId":"c1","commandId":"c1",' +
  '"correlationId":"k1","occurredAt":"2026-11-02T09:00:00.000Z","recordedAt":"2026-11-02T09:00:01.000Z"},' +
  '"schemaVersion":1,"streamId":"deal-1","streamRevision":0,"type":"DealRecorded"}';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('hash chain', () => {
  it('is SHA-256 of the previous hash followed by the RFC 8785 canonical JSON of the event', () => {
    expect(chainHash(GENESIS_HASH, event)).toBe(sha256(GENESIS_HASH + canonicalByHand));
    const previous = 'ab'.repeat(32);
    expect(chainHash(previous, event)).toBe(sha256(previous + canonicalByHand));
  });

  it('finds the first event whose link or hash does not hold', () => {
    const first = { ...event, previousHash: GENESIS_HASH, hash: sha256(GENESIS_HASH + canonicalByHand) };
    const second = {
      ...event,
      eventId: 'e2',
      globalPosition: 2,
      streamRevision: 1,
      previousHash: first.hash,
    };
    const linked = { ...second, hash: chainHash(first.hash, second) };
    expect(findChainBreak([first, linked])).toBeNull();
    expect(findChainBreak([first, { ...linked, previousHash: GENESIS_HASH }])).toEqual({
      globalPosition: 2,
      reason: 'link-mismatch',
    });
    expect(findChainBreak([first, { ...linked, data: { amount: 1 } }])).toEqual({
      globalPosition: 2,
      reason: 'hash-mismatch',
    });
  });
});
