import { connectPostgres } from '#event-store';
import { createTestPostgres } from '#testing';
import { type TestApp, backends, startTestApp } from '../support/test-app.js';

describe.each(backends)('API keys over REST (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());

  it('creates a key whose secret is shown once, lists it without the secret, and revokes it', async () => {
    const created = await t
      .http()
      .post('/v1/api-keys')
      .send({ name: 'hubspot-sync', scopes: ['read'] });
    expect(created.status).toBe(201);
    const { key, secret } = created.body as { key: { id: string }; secret: string };
    expect(key).toMatchObject({ name: 'hubspot-sync', scopes: ['read'], revokedAt: null });
    expect((await t.as(secret).get('/v1/alignment-health')).status).toBe(200);

    const listed = await t.http().get('/v1/api-keys');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: key.id })]));
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(20));
    // Made by the admin key of the test app: its id is the first part of the key.
    expect(listed.body.find((k: { id: string }) => k.id === key.id).createdBy).toBe(t.adminKey.slice(3, 19));

    const revoked = await t.http().post(`/v1/api-keys/${key.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect((await t.as(secret).get('/v1/alignment-health')).status).toBe(401);
  });

  it('refuses a bad scope, an empty list, an expiry in the past and an unknown key with clear 4xx', async () => {
    const bad = await t
      .http()
      .post('/v1/api-keys')
      .send({ name: 'x', scopes: ['commands:everything'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'scopes', rule: 'isIn' })]);
    expect((await t.http().post('/v1/api-keys').send({ name: 'x', scopes: [] })).status).toBe(400);
    const past = await t
      .http()
      .post('/v1/api-keys')
      .send({ name: 'x', scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ field: 'expiresAt' })]);
    expect((await t.http().post('/v1/api-keys/0000000000000000/revoke')).status).toBe(404);
  });

  it('lets only admin keys manage keys', async () => {
    const reader = (
      await t
        .http()
        .post('/v1/api-keys')
        .send({ name: 'bi', scopes: ['read'] })
    ).body.secret;
    expect((await t.as(reader).get('/v1/api-keys')).status).toBe(403);
    expect(
      (
        await t
          .as(reader)
          .post('/v1/api-keys')
          .send({ name: 'y', scopes: ['admin'] })
      ).status,
    ).toBe(403);
  });
});

describe('revocation across replicas on one PostgreSQL', () => {
  it('a key revoked on one instance is refused by the other once its trust runs out', async () => {
    const database = await createTestPostgres();
    const env = { LEDGER_KEY_CACHE_MS: '200' };
    const a = await startTestApp('postgres', env, database);
    // A second replica: its own connections to the same database.
    const b = await startTestApp(
      'postgres',
      { ...env, LEDGER_BOOTSTRAP_ADMIN_KEY: a.adminKey },
      connectPostgres(database.url, 4),
    );
    try {
      const { key, secret } = (
        await a
          .http()
          .post('/v1/api-keys')
          .send({ name: 'crm', scopes: ['read'] })
      ).body;
      expect((await b.as(secret).get('/v1/projections')).status).toBe(200);
      await a.http().post(`/v1/api-keys/${key.id}/revoke`);
      expect((await a.as(secret).get('/v1/projections')).status).toBe(401);
      let status = 200;
      for (let tries = 0; status === 200 && tries < 100; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = (await b.as(secret).get('/v1/projections')).status;
      }
      expect(status).toBe(401);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
