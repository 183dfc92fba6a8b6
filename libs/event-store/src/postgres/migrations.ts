import type { SqlDatabase } from './sql-database.js';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append-only list: never edit a released migration, add a new one. */
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'event log, streams, chain head, command record',
    sql: `
      CREATE TABLE ledger_events (
        global_position bigint PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL,
        stream_revision bigint NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        previous_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (stream_id, stream_revision)
      );
      CREATE INDEX ledger_events_type ON ledger_events (type, global_position);
      CREATE INDEX ledger_events_category ON ledger_events ((split_part(stream_id, '-', 1)), global_position);
      CREATE TABLE ledger_streams (
        stream_id text PRIMARY KEY,
        revision bigint NOT NULL
      );
      -- One row: the end of the global order. Every append locks it, which both
      -- orders the hash chain and makes positions become visible in order.
      CREATE TABLE ledger_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        position bigint NOT NULL,
        hash text NOT NULL,
        recorded_at timestamptz NOT NULL
      );
      INSERT INTO ledger_head (position, hash, recorded_at)
        VALUES (0, repeat('0', 64), 'epoch');
      CREATE TABLE ledger_commands (
        command_id text PRIMARY KEY,
        fingerprint text NOT NULL,
        stream_id text NOT NULL,
        result jsonb NOT NULL,
        recorded_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'personal data keys (crypto-shredding)',
    sql: `
      CREATE TABLE ledger_personal_keys (
        key_id uuid PRIMARY KEY,
        person_id text NOT NULL,
        key bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        forgotten_at timestamptz
      );
      CREATE UNIQUE INDEX ledger_personal_keys_active ON ledger_personal_keys (person_id) WHERE key IS NOT NULL;
    `,
  },
  {
    version: 3,
    name: 'command record and position map of the EventStoreDB log',
    sql: `
      -- With EVENT_STORE=eventstoredb: a row with no result is an append in doubt (see eventstoredb-event-store.ts).
      CREATE TABLE ledger_esdb_commands (
        command_id text PRIMARY KEY,
        fingerprint text NOT NULL,
        stream_id text NOT NULL,
        expected_revision bigint NOT NULL,
        events jsonb NOT NULL,
        result jsonb
      );
      CREATE INDEX ledger_esdb_commands_in_doubt ON ledger_esdb_commands (command_id) WHERE result IS NULL;
      -- Where to start reading $all for a ledger position: one row per append, its log position.
      CREATE TABLE ledger_esdb_positions (
        ledger_position bigint PRIMARY KEY,
        commit_position numeric(20) NOT NULL,
        prepare_position numeric(20) NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'API keys',
    sql: `
      -- Only a hash of each secret is kept; the key id is public.
      CREATE TABLE ledger_api_keys (
        key_id text PRIMARY KEY,
        name text NOT NULL,
        scopes text[] NOT NULL,
        secret_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text,
        expires_at timestamptz,
        revoked_at timestamptz
      );
    `,
  },
  {
    version: 5,
    name: 'signed tree heads',
    sql: `
      -- Kept forever: an auditor asks for the head of a past size. signed_at is
      -- the exact text signed, so the signature verifies on what is read back.
      CREATE TABLE ledger_tree_heads (
        tree_size bigint PRIMARY KEY,
        root_hash text NOT NULL,
        signed_at text NOT NULL,
        signature text NOT NULL,
        key_id text NOT NULL
      );
    `,
  },
];

/** Applies pending migrations once, even when several processes start together. */
export const migrate = async (db: SqlDatabase): Promise<number[]> =>
  db.transaction(async (tx) => {
    // Serialises concurrent starters; released at commit.
    await tx.query(`SELECT pg_advisory_xact_lock(7410001)`);
    await tx.query(`CREATE TABLE IF NOT EXISTS ledger_schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM ledger_schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    const pending = migrations.filter((m) => !applied.has(m.version));
    for (const migration of pending) {
      await tx.query(migration.sql);
      await tx.query('INSERT INTO ledger_schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    return pending.map((m) => m.version);
  });
