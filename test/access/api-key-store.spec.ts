import { ApiKeyStore, formatApiKey, parseApiKey } from '#access';
import { type SqlDatabase, migrate } from '#event-store';
import { createTestPglite, createTestPostgres } from '#testing';

describe.each([
  ['PGlite', createTestPglite],
  ['PostgreSQL server', createTestPostgres],
])('API keys (%s)', (_backend, createDb) => {
  let db: SqlDatabase;
  let keys: ApiKeyStore;
  beforeAll(async () => {
    db = await createDb();
    await migrate(db);
    keys = new ApiKeyStore(db);
  });
  afterAll(() => db.close());

  it('verifies a new key by its secret, and stores nothing from which the secret can be read', async () => {
    const { key, secret } = await keys.create({ name: 'hubspot-sync', scopes: ['commands:write', 'read'] });
    expect(secret).toMatch(/^lk_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(secret)?.id).toBe(key.id);
    expect(await keys.verify(secret)).toEqual(key);
    expect(key).toMatchObject({ name: 'hubspot-sync', scopes: ['commands:write', 'read'], revokedAt: null });
    const [row] = await db.query<{ text: string }>(
      'SELECT row_to_json(k)::text AS text FROM ledger_api_keys k WHERE key_id = $1',
      [key.id],
    );
    expect(row.text).not.toContain(parseApiKey(secret)!.secret);
    expect(JSON.stringify(await keys.list())).not.toContain(parseApiKey(secret)!.secret);
  });

  it('creates a given key once, however many replicas ensure it at the same time', async () => {
    const token = { id: 'b00757a9b0075700', secret: 'S'.repeat(43) };
    const created = await Promise.all(
      [1, 2, 3].map(() => keys.ensure({ name: 'bootstrap-admin', scopes: ['admin'] }, token)),
    );
    expect(created.filter(Boolean)).toHaveLength(1);
    expect(await keys.verify(formatApiKey(token))).toMatchObject({ id: token.id, scopes: ['admin'] });
  });

  it('refuses a malformed key, an unknown id and a wrong secret for a known id', async () => {
    const { key } = await keys.create({ name: 'crm', scopes: ['read'] });
    expect(await keys.verify('Bearer nonsense')).toBe('malformed');
    expect(await keys.verify(formatApiKey({ id: '0000000000000000', secret: 'a'.repeat(43) }))).toBe(
      'unknown',
    );
    expect(await keys.verify(formatApiKey({ id: key.id, secret: 'b'.repeat(43) }))).toBe('unknown');
  });

  it('refuses a revoked key, and revoking again keeps the first time', async () => {
    const { key, secret } = await keys.create({ name: 'old-sync', scopes: ['read'] });
    const first = await keys.revoke(key.id, new Date('2026-11-01T00:00:00Z'));
    expect(first?.revokedAt).toBe('2026-11-01T00:00:00.000Z');
    expect((await keys.revoke(key.id, new Date('2026-11-02T00:00:00Z')))?.revokedAt).toBe(
      '2026-11-01T00:00:00.000Z',
    );
    expect(await keys.verify(secret)).toBe('revoked');
    expect(await keys.revoke('no-such-key')).toBeNull();
  });

  it('refuses a key from its expiry on', async () => {
    const { secret } = await keys.create({
      name: 'trial',
      scopes: ['read'],
      expiresAt: '2026-12-01T00:00:00Z',
    });
    expect(await keys.verify(secret, new Date('2026-11-30T23:59:59Z'))).not.toBe('expired');
    expect(await keys.verify(secret, new Date('2026-12-01T00:00:00Z'))).toBe('expired');
  });
});
