import pg from 'pg';

export interface SqlQueryable {
  query<Row extends object>(text: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * One SQL code path for node-postgres and PGlite: both are driven through a
 * `pg.Pool` (PGlite via its built-in pg adapter, pool size 1, which also
 * serialises its transactions — PGlite has a single connection).
 */
export class SqlDatabase implements SqlQueryable {
  constructor(
    private readonly pool: pg.Pool,
    /** What the pool talks to, for LISTEN/NOTIFY and diagnostics. */
    readonly kind: 'postgres' | 'pglite',
    private readonly onClose: () => Promise<void> = async () => undefined,
  ) {
    // An idle connection can fail (server restart, network); the pool drops it and
    // opens a new one on demand. Unhandled, the event would crash the process.
    pool.on('error', (error) => process.emitWarning(`database connection lost: ${error.message}`));
  }

  async query<Row extends object>(text: string, params: unknown[] = []): Promise<Row[]> {
    const result = await this.pool.query<Row>(text, params);
    return result.rows;
  }

  /**
   * Runs `work` in a transaction. `opening`, statements without parameters, travels with the BEGIN in
   * one round trip (each still reads with a snapshot of its own), and `work` gets the rows of each.
   */
  async transaction<T>(
    work: (tx: SqlQueryable, opened: object[][]) => Promise<T>,
    opening?: string,
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      const begun = await client.query(opening ? `BEGIN; ${opening}` : 'BEGIN');
      // A text of several statements answers one result each.
      const opened = Array.isArray(begun) ? (begun as pg.QueryResult[]).slice(1).map((r) => r.rows) : [];
      const tx: SqlQueryable = {
        query: async <Row extends object>(text: string, params: unknown[] = []) =>
          (await client.query<Row>(text, params)).rows,
      };
      const result = await work(tx, opened);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * A connection of its own for LISTEN, outside the pool, so that a waiting
   * subscriber never holds a connection the writers need.
   */
  async connectListener(): Promise<pg.Client> {
    // Keepalive: a dead peer must end the session (and free its locks) in seconds, not hours.
    const client = new pg.Client({ ...this.pool.options, keepAlive: true });
    await client.connect();
    return client;
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.onClose();
  }
}

export const connectPostgres = (connectionString: string, max = 10): SqlDatabase =>
  new SqlDatabase(new pg.Pool({ connectionString, max }), 'postgres');
