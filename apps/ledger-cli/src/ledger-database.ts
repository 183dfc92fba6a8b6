import { type SqlDatabase, connectPostgres, openEmbeddedDatabase } from '#event-store';

/** The database the service uses: DATABASE_URL, else the embedded one in LEDGER_DATA_DIR (default ./data). */
export const openLedgerDatabase = (env: NodeJS.ProcessEnv): Promise<SqlDatabase> | SqlDatabase =>
  env.DATABASE_URL
    ? connectPostgres(env.DATABASE_URL, 2)
    : openEmbeddedDatabase(env.LEDGER_DATA_DIR || './data');
