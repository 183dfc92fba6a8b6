import { parseArgs } from 'node:util';
import { ApiKeyStore, type ApiKey, isScope } from '#access';
import { migrate } from '#event-store';
import { type CliCommand, UsageError } from './cli-io.js';
import { openLedgerDatabase } from './ledger-database.js';

const KEYS_USAGE = `ledger keys create --name <name> --scopes <scope,scope…> [--expires-at <ISO-8601>]
ledger keys list
ledger keys revoke <key id>`;

const describe = (key: ApiKey) =>
  `${key.id}  ${key.name}  [${key.scopes.join(', ')}]${key.revokedAt ? `  revoked ${key.revokedAt}` : ''}${
    key.expiresAt ? `  expires ${key.expiresAt}` : ''
  }`;

/** `ledger keys …`: lines for stdout; the secret of a new key is printed once, alone on its line. */
const keysLines = async (store: ApiKeyStore, args: string[]): Promise<string[]> => {
  const [action, ...rest] = args;
  if (action === 'create') {
    const { values } = parseArgs({
      args: rest,
      options: { name: { type: 'string' }, scopes: { type: 'string' }, 'expires-at': { type: 'string' } },
    });
    const scopes = (values.scopes ?? '').split(',').filter((scope) => scope !== '');
    const unknown = scopes.filter((scope) => !isScope(scope));
    if (!values.name || scopes.length === 0 || unknown.length > 0) {
      throw new UsageError(
        unknown.length > 0 ? `unknown scopes: ${unknown.join(', ')}\n${KEYS_USAGE}` : KEYS_USAGE,
      );
    }
    const expiresAt = values['expires-at'];
    if (expiresAt !== undefined && !(Date.parse(expiresAt) > Date.now())) {
      throw new UsageError('--expires-at must be an ISO-8601 instant in the future');
    }
    const { key, secret } = await store.create({
      name: values.name,
      scopes: scopes.filter(isScope),
      expiresAt,
    });
    return [describe(key), secret];
  }
  if (action === 'list') return (await store.list()).map(describe);
  if (action === 'revoke' && rest.length === 1) {
    const key = await store.revoke(rest[0]);
    if (!key) throw new UsageError(`there is no key ${rest[0]}`);
    return [describe(key)];
  }
  throw new UsageError(KEYS_USAGE);
};

export const keysCommand: CliCommand = {
  name: 'keys',
  usage:
    'ledger keys create|list|revoke …   (DATABASE_URL, or the embedded LEDGER_DATA_DIR with the service stopped)',
  run: async (args, io) => {
    const db = await openLedgerDatabase(io.env);
    try {
      await migrate(db);
      const lines = await keysLines(new ApiKeyStore(db), args);
      io.stdout.write(lines.map((line) => `${line}\n`).join(''));
      return 0;
    } finally {
      await db.close();
    }
  },
};
