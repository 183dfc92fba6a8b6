/**
 * The peer: Emmett's PostgreSQL event store on the same server, in a database
 * of its own, appending the same payload. PostgreSQL only (not run on PGlite).
 */
import { createDatabase, databaseUrl, dropDatabase } from '#event-store';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import { benchDatabaseName } from './backends.js';
import { drive } from './drive.js';
import { objectionData, objectionMetadata } from './payload.js';

const event = (i: number) => ({
  type: 'ObjectionLogged',
  data: objectionData(i),
  metadata: objectionMetadata(i),
});

export interface EmmettRates {
  /** Events/s, one event per appendToStream, by concurrency. */
  single: Map<number, number>;
  /** Events/s, `perCall` events in each appendToStream. */
  batched: number;
}

/** appendToStream on distinct streams, no expected version (as ours: any). */
export const emmettRates = async (
  server: string,
  options: { count: number; concurrency: readonly number[]; batches: number; perCall: number },
): Promise<EmmettRates> => {
  const name = benchDatabaseName();
  await createDatabase(server, name);
  const url = databaseUrl(server, name);
  // Its own pool of the same size as ours, so both may hold as many connections.
  const pool = new pg.Pool({ connectionString: url, max: Math.max(...options.concurrency) });
  const store = getPostgreSQLEventStore(url, {
    connectionOptions: { pool },
    schema: { autoMigration: 'None' },
  });
  try {
    await store.schema.migrate();
    await Promise.all(Array.from({ length: pool.options.max ?? 1 }, () => pool.query('SELECT 1')));
    const single = new Map<number, number>();
    for (const concurrency of options.concurrency) {
      const { rate } = await drive(options.count, concurrency, async (i) => {
        await store.appendToStream(`objection-c${concurrency}-${i}`, [event(i)]);
      });
      single.set(concurrency, rate);
    }
    const { rate } = await drive(options.batches, 1, async (c) => {
      const events = Array.from({ length: options.perCall }, (_, k) => event(c * options.perCall + k));
      await store.appendToStream(`objection-batch-${c}`, events);
    });
    return { single, batched: rate * options.perCall };
  } finally {
    await store.close();
    await pool.end();
    await dropDatabase(server, name);
  }
};
