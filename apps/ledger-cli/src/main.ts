#!/usr/bin/env node
import { ApiKeyStore } from '#access';
import {
  DataDirectoryLockedError,
  type SqlDatabase,
  connectPostgres,
  migrate,
  openEmbeddedDatabase,
} from '#event-store';
import { UsageError, keysCommand } from './keys.command.js';

const USAGE = `usage: ledger keys create|list|revoke …   (DATABASE_URL, or the embedded LEDGER_DATA_DIR with the service stopped)`;

/** The database the service uses: DATABASE_URL, else the embedded one in LEDGER_DATA_DIR (default ./data). */
const openDatabase = (): Promise<SqlDatabase> | SqlDatabase =>
  process.env.DATABASE_URL
    ? connectPostgres(process.env.DATABASE_URL, 2)
    : openEmbeddedDatabase(process.env.LEDGER_DATA_DIR || './data');

const main = async (args: string[]): Promise<number> => {
  const [command, ...rest] = args;
  if (command !== 'keys') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const db = await openDatabase();
  try {
    await migrate(db);
    const lines = await keysCommand(new ApiKeyStore(db), rest);
    process.stdout.write(lines.map((line) => `${line}\n`).join(''));
    return 0;
  } finally {
    await db.close();
  }
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof DataDirectoryLockedError;
    process.stderr.write(`${known ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(known ? 2 : 1);
  },
);
