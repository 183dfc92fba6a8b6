import type { SqlQueryable } from '#event-store';
import {
  type ApiKeyToken,
  formatApiKey,
  hashSecret,
  newApiKeyToken,
  parseApiKey,
  secretMatches,
} from './api-key.js';
import type { Scope } from './scopes.js';

/** A key as admins see it: never its secret. */
export interface ApiKey {
  id: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface NewApiKey {
  name: string;
  scopes: readonly Scope[];
  expiresAt?: string | null;
  /** The principal that created it (null for the first key). */
  createdBy?: string | null;
}

interface Row {
  key_id: string;
  name: string;
  scopes: Scope[];
  secret_hash: string;
  created_at: Date;
  created_by: string | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'key_id, name, scopes, secret_hash, created_at, created_by, expires_at, revoked_at';

const toApiKey = (row: Row): ApiKey => ({
  id: row.key_id,
  name: row.name,
  scopes: row.scopes,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
  expiresAt: row.expires_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** Why a presented key is refused; the same answer goes to the client whichever it is. */
export type KeyRefusal = 'malformed' | 'unknown' | 'revoked' | 'expired';

/** API keys in the service's PostgreSQL database (or PGlite). */
export class ApiKeyStore {
  constructor(private readonly db: SqlQueryable) {}

  /** Creates a key; the secret is in the answer and nowhere else. */
  async create(key: NewApiKey): Promise<{ key: ApiKey; secret: string }> {
    const token = newApiKeyToken();
    const [row] = await this.insert(key, token, '');
    return { key: toApiKey(row), secret: formatApiKey(token) };
  }

  /**
   * Creates the key of a given token unless its id exists: replicas starting
   * together with the same LEDGER_BOOTSTRAP_ADMIN_KEY create it once. True if this call created it.
   */
  async ensure(key: NewApiKey, token: ApiKeyToken): Promise<boolean> {
    return (await this.insert(key, token, 'ON CONFLICT (key_id) DO NOTHING')).length === 1;
  }

  private insert(key: NewApiKey, token: ApiKeyToken, onConflict: '' | 'ON CONFLICT (key_id) DO NOTHING') {
    return this.db.query<Row>(
      `INSERT INTO ledger_api_keys (key_id, name, scopes, secret_hash, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) ${onConflict} RETURNING ${COLUMNS}`,
      [
        token.id,
        key.name,
        key.scopes,
        hashSecret(token.secret),
        key.createdBy ?? null,
        key.expiresAt ?? null,
      ],
    );
  }

  async list(): Promise<ApiKey[]> {
    const rows = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM ledger_api_keys ORDER BY created_at, key_id`,
    );
    return rows.map(toApiKey);
  }

  async count(): Promise<number> {
    const [row] = await this.db.query<{ n: string }>('SELECT count(*) AS n FROM ledger_api_keys');
    return Number(row.n);
  }

  /** Revokes a key (again: a no-op that keeps the first time); null if there is no such key. */
  async revoke(id: string, at: Date = new Date()): Promise<ApiKey | null> {
    const [row] = await this.db.query<Row>(
      `UPDATE ledger_api_keys SET revoked_at = coalesce(revoked_at, $2) WHERE key_id = $1 RETURNING ${COLUMNS}`,
      [id, at.toISOString()],
    );
    return row ? toApiKey(row) : null;
  }

  /** The key a presented `lk_…` string is, if it is valid at `now`. */
  async verify(presented: string, now: Date = new Date()): Promise<ApiKey | KeyRefusal> {
    const token = parseApiKey(presented);
    if (!token) return 'malformed';
    const [row] = await this.db.query<Row>(`SELECT ${COLUMNS} FROM ledger_api_keys WHERE key_id = $1`, [
      token.id,
    ]);
    if (!row || !secretMatches(token.secret, row.secret_hash)) return 'unknown';
    if (row.revoked_at) return 'revoked';
    if (row.expires_at && row.expires_at.getTime() <= now.getTime()) return 'expired';
    return toApiKey(row);
  }
}
