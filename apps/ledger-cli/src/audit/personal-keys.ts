import { PersonalDataVault, type SqlDatabase, connectPostgres, openEmbeddedDatabase } from '#event-store';
import { CommandFailedError } from '../cli-io.js';

/**
 * The vault of the ledger a history came from (its PostgreSQL URL, or its
 * embedded data directory with that service stopped), opened and read once
 * before anything is imported, so an unreachable one stops the import early.
 */
export const openSourceVault = async (
  source: string,
): Promise<{ vault: PersonalDataVault; close: () => Promise<void> }> => {
  let db: SqlDatabase;
  try {
    db = /^postgres(ql)?:\/\//.test(source) ? connectPostgres(source, 1) : await openEmbeddedDatabase(source);
    await db.query('SELECT count(*) FROM ledger_personal_keys');
  } catch (error) {
    throw new CommandFailedError(
      `cannot read the personal-data keys of ${source}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { vault: new PersonalDataVault(db), close: () => db.close() };
};

/**
 * Copies the keys that open the sealed names into the target's vault, so the
 * names of the imported events open there too: database to database, never
 * through a file. A forgotten person's key stays destroyed.
 */
export const copyPersonalKeys = async (source: PersonalDataVault, target: SqlDatabase): Promise<number> =>
  source.copyKeysTo(new PersonalDataVault(target));
