import { PersonalDataVault, type SqlDatabase, connectPostgres, openEmbeddedDatabase } from '#event-store';

/**
 * Copies the personal-data keys of the ledger a history came from (its
 * PostgreSQL URL, or its embedded data directory with that service stopped)
 * into the target's vault, so that the names sealed in the imported events
 * open there too. They travel database to database, never through a file.
 */
export const copyPersonalKeys = async (source: string, target: SqlDatabase): Promise<number> => {
  const from = /^postgres(ql)?:\/\//.test(source)
    ? connectPostgres(source, 1)
    : await openEmbeddedDatabase(source);
  try {
    return await new PersonalDataVault(from).copyKeysTo(new PersonalDataVault(target));
  } finally {
    await from.close();
  }
};
