import { CLI, needsBuiltCli } from '../support/built-cli.js';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CompactRange, eventLeafHash } from '#audit';
import { GENESIS_HASH, type RecordedEvent, chainAppend } from '#event-store';
import { newEvent } from '#testing';

const verify = (file: string, workers: string) =>
  promisify(execFile)(process.execPath, [CLI, 'verify', file], {
    env: { PATH: process.env.PATH ?? '', LEDGER_VERIFY_WORKERS: workers },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );

/** A chained history of `count` events over a few streams, as an export writes it. */
const history = (count: number): RecordedEvent[] => {
  const events: RecordedEvent[] = [];
  let head = { position: 0, hash: GENESIS_HASH };
  const revisions = new Map<string, number>();
  for (let i = 0; i < count; i += 10) {
    const streamId = `stream-${(i / 10) % 7}`;
    const request = {
      streamId,
      events: Array.from({ length: 10 }, (_, k) =>
        newEvent('Noted', { i: i + k, text: `note ${i + k} “é”` }),
      ),
      expectedState: { kind: 'any' as const },
      command: { commandId: `c-${i}`, fingerprint: 'f' },
    };
    const chained = chainAppend(request, head, revisions.get(streamId) ?? -1, '2026-11-02T09:00:00.000Z');
    revisions.set(streamId, chained[chained.length - 1].streamRevision);
    events.push(...chained);
    head = { position: chained[chained.length - 1].globalPosition, hash: chained[chained.length - 1].hash };
  }
  return events;
};

const lines = (events: RecordedEvent[]) => events.map((event) => JSON.stringify(event)).join('\n') + '\n';

describe('ledger verify, on this thread and on worker threads alike', () => {
  if (needsBuiltCli()) return;

  const events = history(3000);
  let dir: string;
  const write = async (name: string, text: string) => {
    const file = join(dir, name);
    await writeFile(file, text);
    return file;
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ledger-verify-'));
  });

  it('finds the whole history intact, with the root a tree built here has', async () => {
    const tree = CompactRange.empty();
    for (const event of events) tree.push(eventLeafHash(event.hash));
    const file = await write('whole.ndjson', lines(events));
    for (const workers of ['0', '2']) {
      const run = await verify(file, workers);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^OK: 3,000 events/);
      expect(run.stdout).toContain(`root ${tree.root().toString('hex')}`);
    }
  });

  it('gives the root of a one-event history as the tree has it, on threads too', async () => {
    const file = await write('one.ndjson', lines(events.slice(0, 1)));
    for (const workers of ['0', '2']) {
      const run = await verify(file, workers);
      expect(run.stdout).toContain(`root ${eventLeafHash(events[0].hash).toString('hex')}`);
    }
  });

  const spoilt: [string, () => string, number, RegExp][] = [
    [
      'a field altered',
      () => lines(events.map((e, i) => (i === 2199 ? { ...e, data: { i: -1 } } : e))),
      2200,
      /was altered/,
    ],
    ['an event removed', () => lines(events.filter((_, i) => i !== 1499)), 1500, /missing/],
    [
      'two events swapped',
      () => lines(events.map((_, i) => events[i === 700 ? 701 : i === 701 ? 700 : i])),
      701,
      /missing|out of order/,
    ],
    [
      'a number no ledger can hash',
      () =>
        lines(events).replace(
          JSON.stringify(events[1200]),
          JSON.stringify(events[1200]).replace('"i":1200', '"i":1e400'),
        ),
      1201,
      /canonical JSON/,
    ],
    [
      'a lone surrogate',
      () =>
        lines(events).replace(
          JSON.stringify(events[900]),
          JSON.stringify(events[900]).replace('note 900', 'note \\ud800'),
        ),
      901,
      /holds what no ledger event can/,
    ],
    [
      'a line that is no event',
      () => lines(events).replace(JSON.stringify(events[2800]), '{"oops":'),
      2801,
      /not JSON/,
    ],
  ];
  it.each(spoilt)(
    'names the first bad position of %s, with or without threads',
    async (name, text, position, what) => {
      const file = await write(`${name.replace(/ /g, '-')}.ndjson`, text());
      for (const workers of ['0', '2']) {
        const run = await verify(file, workers);
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(new RegExp(`^BROKEN: position ${position}: `));
        expect(run.stdout).toMatch(what);
      }
    },
  );
});
