import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import type { SqlDatabase } from '../postgres/sql-database.js';

const VERSION = 'v1';

/** Nothing is sealed for a forgotten person: their id is retired with their key. */
export class PersonForgottenError extends Error {
  constructor(readonly personId: string) {
    super(`${personId} was forgotten; their id is not used again — register the person under a new id`);
    this.name = 'PersonForgottenError';
  }
}
const b64 = (buffer: Buffer) => buffer.toString('base64url');

/**
 * Personal data (display names) is sealed with a key of each person's own,
 * and only the sealed token goes into events. Forgetting a person destroys
 * their key: every token of theirs becomes unreadable, while the events — and
 * so the hash chain — stay exactly as they were. AES-256-GCM from node:crypto.
 */
export class PersonalDataVault {
  constructor(private readonly db: SqlDatabase) {}

  /** Throws PersonForgottenError when the person's keys were destroyed. */
  async seal(personId: string, plaintext: string): Promise<string> {
    const { keyId, key } = await this.activeKey(personId);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(personId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, keyId, b64(iv), b64(ciphertext), b64(cipher.getAuthTag())].join('.');
  }

  /** The plaintext, or null when the person was forgotten (or the token is not ours). */
  async open(personId: string, token: string): Promise<string | null> {
    const [version, keyId, iv, ciphertext, tag] = token.split('.');
    if (version !== VERSION || !tag) return null;
    const [row] = await this.db.query<{ key: Buffer | null }>(
      'SELECT key FROM ledger_personal_keys WHERE key_id = $1 AND person_id = $2',
      [keyId, personId],
    );
    if (!row?.key) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', row.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(personId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return null;
    }
  }

  /** Destroys every key of the person; returns how many were destroyed. */
  async forget(personId: string): Promise<number> {
    const rows = await this.db.query<{ key_id: string }>(
      `UPDATE ledger_personal_keys SET key = NULL, forgotten_at = now()
       WHERE person_id = $1 AND key IS NOT NULL RETURNING key_id`,
      [personId],
    );
    return rows.length;
  }

  /**
   * Copies every key (a forgotten person's stays destroyed) into another
   * ledger's vault, so that the names sealed in a migrated history open
   * there; keys it holds already stay. Returns how many were copied.
   */
  async copyKeysTo(target: PersonalDataVault): Promise<number> {
    const rows = await this.db.query<{
      key_id: string;
      person_id: string;
      key: Buffer | null;
      created_at: Date;
      forgotten_at: Date | null;
    }>(
      'SELECT key_id, person_id, key, created_at, forgotten_at FROM ledger_personal_keys ORDER BY created_at',
    );
    let copied = 0;
    for (const row of rows) {
      // A key it holds already stays, unless the source has destroyed it since: a forget travels too.
      const written = await target.db
        .query(
          `INSERT INTO ledger_personal_keys AS k (key_id, person_id, key, created_at, forgotten_at)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (key_id) DO UPDATE SET key = NULL, forgotten_at = EXCLUDED.forgotten_at
             WHERE EXCLUDED.key IS NULL AND k.key IS NOT NULL
           RETURNING key_id`,
          [row.key_id, row.person_id, row.key, row.created_at, row.forgotten_at],
        )
        .catch((error: { code?: string }) => {
          // 23505: the target made a key of its own for this person; theirs opens its names.
          if (error.code === '23505') return [];
          throw error;
        });
      copied += written.length;
    }
    return copied;
  }

  private async activeKey(personId: string): Promise<{ keyId: string; key: Buffer }> {
    const [forgotten] = await this.db.query(
      'SELECT 1 FROM ledger_personal_keys WHERE person_id = $1 AND key IS NULL LIMIT 1',
      [personId],
    );
    if (forgotten) throw new PersonForgottenError(personId);
    // Concurrent first seals race on the partial unique index; the loser reads the winner's key.
    await this.db.query(
      `INSERT INTO ledger_personal_keys (key_id, person_id, key) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) WHERE key IS NOT NULL DO NOTHING`,
      [randomUUID(), personId, randomBytes(32)],
    );
    const [row] = await this.db.query<{ key_id: string; key: Buffer }>(
      'SELECT key_id, key FROM ledger_personal_keys WHERE person_id = $1 AND key IS NOT NULL',
      [personId],
    );
    // Forgotten between the two statements.
    if (!row) throw new PersonForgottenError(personId);
    return { keyId: row.key_id, key: row.key };
  }
}
