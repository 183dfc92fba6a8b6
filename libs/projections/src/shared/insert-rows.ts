import type { SqlQueryable } from '#event-store';

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 65_535;

/**
 * Inserts rows with as few multi-row INSERT statements as the parameter
 * limit allows; `onConflict` is what follows ON CONFLICT, for an upsert.
 */
export const insertRows = async (
  tx: SqlQueryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  { onConflict }: { onConflict?: string } = {},
): Promise<void> => {
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
  for (let from = 0; from < rows.length; from += perStatement) {
    const chunk = rows.slice(from, from + perStatement);
    const values = chunk.map(
      (_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
    );
    const upsert = onConflict === undefined ? '' : ` ON CONFLICT ${onConflict}`;
    await tx.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}${upsert}`,
      chunk.flat(),
    );
  }
};
