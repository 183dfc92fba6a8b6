import { Inject, Injectable } from '@nestjs/common';
import { type ApiKey, ApiKeyStore, type KeyRefusal, hashSecret } from '#access';
import type { SqlDatabase } from '#event-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { DATABASE } from '../event-store/event-store.module.js';

/**
 * Verifies presented keys against the store, trusting a key for a short while
 * (LEDGER_KEY_CACHE_MS) so that a request costs no extra round trip; a revoked
 * or expired key is refused by every replica once that while has passed.
 */
@Injectable()
export class KeyVerifier {
  readonly keys: ApiKeyStore;
  private readonly trusted = new Map<string, { key: ApiKey; until: number }>();

  constructor(
    @Inject(DATABASE) db: SqlDatabase,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {
    this.keys = new ApiKeyStore(db);
  }

  async verify(presented: string, now = new Date()): Promise<ApiKey | KeyRefusal> {
    // Keyed by a hash: the map holds no secret in the clear.
    const id = hashSecret(presented);
    const cached = this.trusted.get(id);
    const expired = (key: ApiKey) => key.expiresAt !== null && Date.parse(key.expiresAt) <= now.getTime();
    if (cached && cached.until > now.getTime() && !expired(cached.key)) return cached.key;
    this.trusted.delete(id);
    const verdict = await this.keys.verify(presented, now);
    if (typeof verdict !== 'string' && this.config.access.keyCacheMs > 0) {
      this.trusted.set(id, { key: verdict, until: now.getTime() + this.config.access.keyCacheMs });
    }
    return verdict;
  }

  /** Forgets what this replica trusted about a key, as soon as it revokes it. */
  forget(keyId: string): void {
    for (const [id, { key }] of this.trusted) if (key.id === keyId) this.trusted.delete(id);
  }
}
