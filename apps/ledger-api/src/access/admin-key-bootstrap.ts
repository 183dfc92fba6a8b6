import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Scope, parseApiKey } from '#access';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { KeyVerifier } from './key-verifier.js';

/** The first key can do everything, so that the first start needs nothing else. */
export const ADMIN_SCOPES: Scope[] = ['admin', 'commands:write', 'read', 'audit', 'personal-data'];

/**
 * The first key of a ledger. LEDGER_BOOTSTRAP_ADMIN_KEY is created if it does
 * not exist yet; on the embedded default with no key at all, one is made and
 * written to admin.key in the data directory (mode 0600). The secret is never logged.
 */
@Injectable()
export class AdminKeyBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Access');
  /** The admin.key of the embedded default, when there is one. */
  adminKeyFile: string | null = null;

  constructor(
    private readonly verifier: KeyVerifier,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { keys } = this.verifier;
    const bootstrap = this.config.access.bootstrapAdminKey;
    const token = bootstrap === null ? null : parseApiKey(bootstrap);
    if (token && (await keys.ensure({ name: 'bootstrap-admin', scopes: ADMIN_SCOPES }, token))) {
      this.logger.log(`Created the admin key ${token.id} from LEDGER_BOOTSTRAP_ADMIN_KEY`);
    }
    if (this.config.databaseUrl !== null) return;
    const file = join(this.config.dataDir, 'admin.key');
    if ((await keys.count()) === 0) {
      const { key, secret } = await keys.create({ name: 'first-admin', scopes: ADMIN_SCOPES });
      // flag 'wx': never overwrite a file that someone else put there.
      await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
      this.logger.log(`Created the first admin key ${key.id}`);
    }
    this.adminKeyFile = await access(file).then(
      () => file,
      () => null,
    );
  }
}
