import fc from 'fast-check';
import { parsePeriod } from '#domain';
import type { SqlDatabase } from '#event-store';
import { alignmentHealthQuery, readAlignmentHealth, readScorecard, scorecardQuery } from '#projections';
import { createTestPglite, createTestPostgres } from '#testing';
import { type HistoryEntry, projectHistory } from './project-history.js';
import { historyOf, historySteps } from './random-history.js';

const SOURCES = [...new Set([...scorecardQuery.reads, ...alignmentHealthQuery.reads])];
const PERIODS = ['2026-11', '2026-W46', '2026-Q4'].map((text) => parsePeriod(text)!);
const DAY = 86_400_000;
const START = Date.parse('2026-10-25T00:00:00Z');
/** Each history is projected twice in fresh databases: PGlite takes about a second a history. */
const PROPERTY_TIMEOUT_MS = 240_000;

/** A fresh database holding the entries, with every read model caught up. */
const projected = async (createDb: () => Promise<SqlDatabase>, entries: readonly HistoryEntry[]) => {
  const db = await createDb();
  return { db, store: await projectHistory(db, entries, SOURCES, 7) };
};

describe.each([
  ['PGlite', createTestPglite, 8],
  ['PostgreSQL server', createTestPostgres, 30],
])('as of any moment (%s)', (_backend, createDb, numRuns) => {
  it(
    'the scorecards and alignment health equal a from-scratch replay of the events recorded up to it',
    async () => {
      await fc.assert(
        fc.asyncProperty(historySteps, fc.integer({ min: 0, max: 1_000 }), async (steps, permille) => {
          const entries = historyOf(steps, START);
          // Somewhere in the history, a day either side, so that some of it is not yet known.
          const last = Date.parse(entries[entries.length - 1].recordedAt) + DAY;
          const asOf = new Date(START - DAY + Math.round(((last - START + DAY) * permille) / 1_000));
          const full = await projected(createDb, entries);
          const replay = await projected(
            createDb,
            entries.filter((e) => Date.parse(e.recordedAt) <= asOf.getTime()),
          );
          const later = new Date(START + 400 * DAY);
          try {
            for (const period of PERIODS) {
              expect(await readScorecard(full.db, period, { asOf, now: later, currency: 'EUR' })).toEqual(
                await readScorecard(replay.db, period, { now: asOf, currency: 'EUR' }),
              );
            }
            expect(await readAlignmentHealth(full.db, { asOf, now: later })).toEqual(
              await readAlignmentHealth(replay.db, { now: asOf }),
            );
          } finally {
            await full.store.close();
            await replay.store.close();
          }
        }),
        // Shrinking would rebuild databases for minutes; the unshrunk counterexample is printed.
        { numRuns, endOnFailure: true },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
