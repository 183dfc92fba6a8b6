/**
 * The measurements behind store-append: the raw database rates, then our
 * PostgresEventStore's on the same database, each call writing the same payload.
 */
import { type AppendOutcome, type PostgresEventStore, type SqlDatabase } from '#event-store';
import { drive, secondsSince } from './drive.js';
import { objectionAppend } from './payload.js';
import { rawBatchInsertRate, rawInsertRate, rawOrderedReadRate } from './raw-rates.js';

export interface StoreFigureOptions {
  /** Calls of one event each, per concurrency. */
  count: number;
  /** Calls of `perCall` requests or events each. */
  batches: number;
  perCall: number;
  concurrency: number[];
}

type Timed = { rate: number; samples: number[] };

/** Opens the pool's connections first, so that no figure pays for them. */
export const warmUp = (db: SqlDatabase, concurrency: number) =>
  drive(concurrency * 2, concurrency, async () => void (await db.query('SELECT 1')));

export const rawFigures = async (db: SqlDatabase, o: StoreFigureOptions) => {
  const single = new Map<number, Timed>();
  for (const c of o.concurrency) single.set(c, await rawInsertRate(db, o.count, c));
  const batched = await rawBatchInsertRate(db, o.batches, o.perCall);
  const read = await rawOrderedReadRate(db, 1000);
  return { single, batched, read: read.rate };
};

const expectAllOk = (outcomes: AppendOutcome[]) => {
  for (const outcome of outcomes) if (!outcome.ok) throw outcome.error;
};

/** Events/s of readAll over the whole log, pages of 1000. */
const readAllRate = async (store: PostgresEventStore) => {
  let events = 0;
  const t0 = performance.now();
  for (let after = 0; ;) {
    const page = await store.readAll({ afterPosition: after, maxCount: 1000 });
    if (page.length === 0) break;
    events += page.length;
    after = page[page.length - 1].globalPosition;
  }
  return events / secondsSince(t0);
};

/** append, one event a call on distinct streams; appendMany of one-event requests; one request of many. */
export const storeFigures = async (store: PostgresEventStore, o: StoreFigureOptions) => {
  const single = new Map<number, Timed>();
  for (const c of o.concurrency) {
    const append = async (i: number) => void (await store.append(objectionAppend(`objection-c${c}-${i}`, i)));
    single.set(c, await drive(o.count, c, append));
  }
  const many = await drive(o.batches, 1, async (b) => {
    const first = b * o.perCall;
    const requests = Array.from({ length: o.perCall }, (_, k) =>
      objectionAppend(`objection-m${b}-${k}`, first + k),
    );
    expectAllOk(await store.appendMany(requests));
  });
  const oneRequest = await drive(o.batches, 1, async (b) => {
    await store.append(objectionAppend(`objection-bulk${b}`, b * o.perCall, o.perCall));
  });
  return {
    single,
    many: many.rate * o.perCall,
    oneRequest: oneRequest.rate * o.perCall,
    read: await readAllRate(store),
  };
};

export type RawFigures = Awaited<ReturnType<typeof rawFigures>>;
export type StoreFigures = Awaited<ReturnType<typeof storeFigures>>;
