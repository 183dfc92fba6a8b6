import { connectPostgres, migrate } from '#event-store';
import { createTestPglite, createTestPostgres } from '#testing';

describe('schema migrations', () => {
  it('apply once and are a no-op on the next start (PGlite)', async () => {
    const db = await createTestPglite();
    expect(await migrate(db)).toEqual([1, 2, 3, 4, 5]);
    expect(await migrate(db)).toEqual([]);
    const tables = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      'ledger_api_keys',
      'ledger_commands',
      'ledger_esdb_commands',
      'ledger_esdb_positions',
      'ledger_events',
      'ledger_head',
      'ledger_personal_keys',
      'ledger_schema_migrations',
      'ledger_streams',
      'ledger_tree_heads',
    ]);
    await db.close();
  });

  it('are applied by exactly one of several processes starting together (PostgreSQL server)', async () => {
    const db = await createTestPostgres();
    const starters = [1, 2, 3, 4].map(() => connectPostgres(db.url, 1));
    const applied = await Promise.all(starters.map((starter) => migrate(starter)));
    expect(applied.filter((versions) => versions.length > 0)).toEqual([[1, 2, 3, 4, 5]]);
    const [head] = await db.query<{ count: string }>('SELECT count(*) FROM ledger_head');
    expect(Number(head.count)).toBe(1);
    await Promise.all(starters.map((starter) => starter.close()));
    await db.close();
  });
});
