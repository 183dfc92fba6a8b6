import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { EventStoreDBClient } from '@eventstore/db-client';
import {
  type EventStore,
  EventStoreDbEventStore,
  PostgresEventStore,
  type RecordedEvent,
  type SqlDatabase,
} from '#event-store';
import { type CliCommand, type CliIo, CommandFailedError, UsageError } from '../cli-io.js';
import { openLedgerDatabase } from '../ledger-database.js';
import { parseCommandLine } from '../service/service-client.js';
import { copyPersonalKeys, openSourceVault } from './personal-keys.js';
import { isLongRun, progressBar } from '../progress.js';
import { checkHistory, describeRun } from './check-history.js';
import { lastCompleteLine } from './history-file.js';
import { historyEvents } from './history-lines.js';

const USAGE = `ledger import <history.ndjson> [--personal-data-from <postgres://… | data dir>]
    into the empty ledger of DATABASE_URL or LEDGER_DATA_DIR, or EVENT_STORE=eventstoredb with EVENTSTORE_CONNECTION_STRING,
    the service stopped; --personal-data-from copies the keys that open the sealed names from the ledger it came from`;

/** Events written per restore call: one transaction each on PostgreSQL. */
const BATCH = 1_000;

/** The log the service would use with this environment. */
const openTarget = async (
  env: NodeJS.ProcessEnv,
  db: SqlDatabase,
): Promise<{ store: EventStore; name: string }> => {
  if (env.EVENT_STORE === 'eventstoredb') {
    const connection = env.EVENTSTORE_CONNECTION_STRING ?? '';
    if (!/^esdb(\+discover)?:\/\//.test(connection))
      throw new UsageError('EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING (esdb://…)');
    return {
      store: await EventStoreDbEventStore.open(EventStoreDBClient.connectionString(connection), db),
      name: 'EventStoreDB',
    };
  }
  const name = env.DATABASE_URL
    ? 'PostgreSQL (DATABASE_URL)'
    : `the embedded PGlite in ${env.LEDGER_DATA_DIR || './data'}`;
  return { store: await PostgresEventStore.open(db), name };
};

/**
 * Where an import goes on from: nothing in the target, or (an interrupted
 * import) a prefix of this very file; any other history in it is refused.
 */
const resumeAfter = async (store: EventStore, file: string): Promise<number> => {
  const head = await store.headPosition();
  if (head === 0) return 0;
  const [there] = await store.readAll({ afterPosition: head - 1, maxCount: 1 });
  for await (const event of historyEvents(createReadStream(file))) {
    if (event.globalPosition === head) {
      if (event.hash === there?.hash) return head;
      break;
    }
  }
  throw new CommandFailedError(
    `the target ledger already holds ${head} events of another history: import needs an empty ledger`,
  );
};

const restoreFile = async (store: EventStore, file: string, after: number, total: number, io: CliIo) => {
  const bar = isLongRun(total) ? progressBar(io.stderr, 'importing {bar} {value}/{total} events') : null;
  bar?.start(total, after);
  let batch: RecordedEvent[] = [];
  try {
    for await (const event of historyEvents(createReadStream(file, { highWaterMark: 1 << 20 }))) {
      if (event.globalPosition <= after) continue;
      batch.push(event);
      if (batch.length === BATCH) {
        await store.restore(batch);
        bar?.update(event.globalPosition);
        batch = [];
      }
    }
    await store.restore(batch);
    bar?.update(total);
  } finally {
    bar?.stop();
  }
};

export const importCommand: CliCommand = {
  name: 'import',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCommandLine(
      { args, options: { 'personal-data-from': { type: 'string' } }, allowPositionals: true },
      USAGE,
    );
    if (positionals.length !== 1) throw new UsageError(`usage: ${USAGE}`);
    const [file] = positionals;
    const keysFrom = values['personal-data-from'];
    await access(file).catch(() => {
      throw new UsageError(`cannot read ${file}`);
    });
    // The whole file first, stream revisions too: a broken history writes nothing.
    const total = (await lastCompleteLine(file))?.event.globalPosition ?? 0;
    const checked = await checkHistory(
      createReadStream(file, { highWaterMark: 1 << 20 }),
      total,
      new Set(),
      io,
      { revisions: true },
    );
    if (checked.check.broken) {
      const { position, problem } = checked.check.broken;
      throw new CommandFailedError(`BROKEN: position ${position}: ${problem}; nothing was imported`);
    }
    const source = keysFrom === undefined ? null : await openSourceVault(keysFrom);
    const db = await openLedgerDatabase(io.env);
    const { store, name } = await openTarget(io.env, db);
    const copyKeys = async () => {
      if (source === null) return;
      io.stdout.write(
        `copied ${await copyPersonalKeys(source.vault, db)} personal-data keys from ${keysFrom}\n`,
      );
    };
    try {
      const after = await resumeAfter(store, file);
      const { size } = checked.check;
      if (after === size) {
        io.stdout.write(
          `${name} already holds this whole history (positions 1…${size}): nothing to import\n`,
        );
        await copyKeys();
        return 0;
      }
      if (after > 0) io.stderr.write(`resuming an interrupted import after position ${after}\n`);
      const started = performance.now();
      await restoreFile(store, file, after, size, io);
      const seconds = (performance.now() - started) / 1000;
      await copyKeys();
      io.stdout.write(
        `imported positions ${after + 1}…${size} into ${name} in ${seconds.toFixed(2)} s (checked first: ${describeRun(checked)}); root ${checked.check.root()}: the service signs its tree head when it starts\n`,
      );
      return 0;
    } finally {
      await store.close();
      await source?.close();
    }
  },
};
