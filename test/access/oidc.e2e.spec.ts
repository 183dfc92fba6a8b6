import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, type JWK, SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { type RecordedEvent, findChainBreak } from '#event-store';
import { ConfigError, loadConfig } from '../../apps/ledger-api/src/config/ledger-config.js';
import {
  type TestApp,
  backends,
  campaignBrief,
  defaultRoster,
  objection,
  registerRoster,
  startTestApp,
} from '../support/test-app.js';

const AUDIENCE = 'alignment-ledger-api';

interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

const signingKey = async (alg: SigningKey['alg'], kid: string): Promise<SigningKey> => {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
};

/**
 * An OpenID provider of the test's own, on 127.0.0.1: its discovery document
 * points at /jwks (the RSA and EC keys); /other-jwks holds a third key, which
 * only a ledger told LEDGER_OIDC_JWKS_URL trusts.
 */
const startIssuer = async (published: SigningKey[], other: SigningKey[]) => {
  let issuer = '';
  const server = createServer((request, response) => {
    const documents: Record<string, unknown> = {
      '/.well-known/openid-configuration': {
        issuer,
        jwks_uri: `${issuer}/jwks`,
        id_token_signing_alg_values_supported: ['RS256', 'ES256'],
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
      },
      '/jwks': { keys: published.map((key) => key.jwk) },
      '/other-jwks': { keys: other.map((key) => key.jwk) },
    };
    const document = documents[(request.url ?? '').split('?')[0]];
    if (document === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(document));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};

const nowSeconds = () => Math.floor(Date.now() / 1000);
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

const expectUnauthorized = (response: { status: number; headers: Record<string, string> }, what: string) => {
  expect({ what, status: response.status }).toEqual({ what, status: 401 });
  expect({ what, type: response.headers['content-type'] }).toEqual({
    what,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
  expect({ what, challenge: response.headers['www-authenticate'] }).toEqual({
    what,
    challenge: expect.stringMatching(/^Bearer .*error="invalid_token"/),
  });
};

const expectForbidden = (response: { status: number; headers: Record<string, string> }, what: string) => {
  expect({ what, status: response.status }).toEqual({ what, status: 403 });
  expect({ what, type: response.headers['content-type'] }).toEqual({
    what,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
};

describe('OIDC configuration', () => {
  it('needs both LEDGER_OIDC_ISSUER and LEDGER_OIDC_AUDIENCE, or neither', () => {
    expect(() => loadConfig({ LEDGER_OIDC_ISSUER: 'https://id.example.com' })).toThrow(ConfigError);
    expect(() => loadConfig({ LEDGER_OIDC_AUDIENCE: AUDIENCE })).toThrow(ConfigError);
    expect(() =>
      loadConfig({ LEDGER_OIDC_ISSUER: 'https://id.example.com', LEDGER_OIDC_AUDIENCE: AUDIENCE }),
    ).not.toThrow();
    expect(() => loadConfig({})).not.toThrow();
  });
});

describe.each(backends)('OIDC access tokens (%s)', (backend) => {
  let rsa: SigningKey;
  let ec: SigningKey;
  let other: SigningKey;
  /** Never published: what an attacker signs with. */
  let rogue: SigningKey;
  let idp: Awaited<ReturnType<typeof startIssuer>>;
  let t: TestApp;

  beforeAll(async () => {
    [rsa, ec, other, rogue] = await Promise.all([
      signingKey('RS256', 'rsa-1'),
      signingKey('ES256', 'ec-1'),
      signingKey('RS256', 'other-1'),
      signingKey('RS256', 'rogue-1'),
    ]);
    idp = await startIssuer([rsa, ec], [other]);
    t = await startTestApp(backend, { LEDGER_OIDC_ISSUER: idp.issuer, LEDGER_OIDC_AUDIENCE: AUDIENCE });
    await registerRoster(t, defaultRoster);
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  interface TokenOptions {
    key?: SigningKey;
    kid?: string;
    issuer?: string;
    audience?: string | string[];
    subject?: string;
    claims?: Record<string, unknown>;
  }
  /** A well-formed access token from the test's provider, valid for five minutes unless told otherwise. */
  const token = ({ key = rsa, kid, issuer, audience, subject = 'user-1', claims = {} }: TokenOptions = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, kid: kid ?? key.kid })
      .setIssuer(issuer ?? idp.issuer)
      .setAudience(audience ?? AUDIENCE)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key.privateKey);
  const withScope = (scope: string | string[], options: TokenOptions = {}) =>
    token({ ...options, claims: { scope, ...options.claims } });

  const launch = (bearer: string, campaignId: string) =>
    t.as(bearer).post(`/v1/campaigns/${campaignId}/launch`).send(campaignBrief());

  it('accepts a valid token with the read scope, given as a space-separated string or as an array', async () => {
    for (const scope of ['openid profile read', ['openid', 'read'], 'read']) {
      const bearer = await withScope(scope);
      expect({ scope, status: (await t.as(bearer).get('/v1/projections')).status }).toEqual({
        scope,
        status: 200,
      });
      const scorecard = await t.as(bearer).get('/v1/scorecards/2026-W47');
      expect({ scope, status: scorecard.status }).toEqual({ scope, status: 200 });
    }
  });

  it('finds the signing key by kid among the published ones (RSA and EC), and takes an audience list containing its own', async () => {
    const byEc = await withScope('read', { key: ec });
    expect((await t.as(byEc).get('/v1/projections')).status).toBe(200);
    const manyAudiences = await withScope('read', { audience: ['https://other.example.com', AUDIENCE] });
    expect((await t.as(manyAudiences).get('/v1/projections')).status).toBe(200);
  });

  it('answers a valid token without the needed scope with 403 problem+json, and appends nothing', async () => {
    const head = await t.store.headPosition();
    const cases: [string, Promise<string>][] = [
      ['no scope claim', token()],
      ['only openid and profile', withScope('openid profile email')],
      [
        'strings that are not ledger scopes',
        withScope(['openid', 'commands:everything', 'READ', 'superuser']),
      ],
    ];
    for (const [what, pending] of cases) {
      const bearer = await pending;
      expectForbidden(await t.as(bearer).get('/v1/projections'), `${what}: read`);
      expectForbidden(await launch(bearer, 'oidc-refused'), `${what}: launch`);
    }
    const reader = await withScope('openid read');
    expectForbidden(await launch(reader, 'oidc-refused'), 'read only: launch');
    expectForbidden(await t.as(reader).get('/v1/api-keys'), 'read only: list keys');
    const leads = await withScope('commands:leads read');
    expectForbidden(await launch(leads, 'oidc-refused'), 'commands:leads: launch');
    expect(await t.store.headPosition()).toBe(head);
    expect(await t.store.readStream('campaign-oidc-refused')).toEqual([]);
  });

  it('lets a token with commands:campaigns launch a campaign, and records its principal in every event', async () => {
    const campaigns = await withScope('openid commands:campaigns', { subject: 'auth0|marketer-7' });
    const launched = await launch(campaigns, 'oidc-launch');
    expect(launched.status).toBe(201);
    const writer = await withScope(['commands:write'], { subject: 'auth0|rep-9' });
    const logged = await t.as(writer).post('/v1/objections/oidc-o1/log').send(objection());
    expect(logged.status).toBe(201);

    const all = await t.store.readAll();
    const eventsOf = (response: { body: { events: { globalPosition: number }[] } }) => {
      const positions = response.body.events.map((e) => e.globalPosition);
      expect(positions.length).toBeGreaterThan(0);
      return all.filter((e) => positions.includes(e.globalPosition));
    };
    const principals = (events: RecordedEvent[]) => events.map((e) => e.metadata.principal);
    const launchEvents = eventsOf(launched);
    expect(launchEvents).toHaveLength(launched.body.events.length);
    expect(principals(launchEvents)).toEqual(
      launchEvents.map(() => ({ kind: 'oidc', issuer: idp.issuer, subject: 'auth0|marketer-7' })),
    );
    const objectionEvents = eventsOf(logged);
    expect(principals(objectionEvents)).toEqual(
      objectionEvents.map(() => ({ kind: 'oidc', issuer: idp.issuer, subject: 'auth0|rep-9' })),
    );
    expect(await t.store.readStream('campaign-oidc-launch')).toMatchObject([{ type: 'CampaignLaunched' }]);
    // The roster was registered with the admin key: its events name the key, not a token.
    const registered = all.filter((e) => e.type === 'TeamMemberRegistered');
    expect(registered.map((e) => e.metadata.principal?.kind)).toEqual(registered.map(() => 'api-key'));
    expect(findChainBreak(all)).toBeNull();
  });

  it('honours admin and personal-data scopes from a token', async () => {
    const admin = await withScope('openid admin');
    expect((await t.as(admin).get('/v1/api-keys')).status).toBe(200);
    const head = await t.store.headPosition();
    const withNames = await withScope('read personal-data');
    const named = await t.as(withNames).get(`/v1/team-members?minPosition=${head}`);
    expect(named.status).toBe(200);
    expect(named.text).toContain('Name of person-mia');
    const plain = await t.as(await withScope('read')).get(`/v1/team-members?minPosition=${head}`);
    expect(plain.status).toBe(200);
    expect(plain.text).not.toContain('Name of person-mia');
  });

  it('refuses every token that fails verification with 401, problem+json and an invalid_token challenge', async () => {
    const all = 'openid read admin commands:write personal-data audit';
    const now = nowSeconds();
    const valid = await withScope(all);
    const [header, payload, signature] = valid.split('.');
    const claims = { scope: all, iss: idp.issuer, aud: AUDIENCE, sub: 'user-1', iat: now, exp: now + 300 };
    const hs256 = (secret: string, kid = rsa.kid) =>
      new SignJWT({ scope: all })
        .setProtectedHeader({ alg: 'HS256', kid })
        .setIssuer(idp.issuer)
        .setAudience(AUDIENCE)
        .setSubject('user-1')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(secret));
    const refused: [string, string][] = [
      ['signed by another key under a published kid', await withScope(all, { key: rogue, kid: rsa.kid })],
      ['signed by a key that is not published', await withScope(all, { key: rogue })],
      ['signed by a key served elsewhere, not in the discovered JWKS', await withScope(all, { key: other })],
      [
        'expired',
        await new SignJWT({ scope: all })
          .setProtectedHeader({ alg: 'RS256', kid: rsa.kid })
          .setIssuer(idp.issuer)
          .setAudience(AUDIENCE)
          .setSubject('user-1')
          .setIssuedAt(now - 3600)
          .setExpirationTime(now - 600)
          .sign(rsa.privateKey),
      ],
      [
        'not yet valid',
        await new SignJWT({ scope: all })
          .setProtectedHeader({ alg: 'RS256', kid: rsa.kid })
          .setIssuer(idp.issuer)
          .setAudience(AUDIENCE)
          .setSubject('user-1')
          .setIssuedAt(now)
          .setNotBefore(now + 600)
          .setExpirationTime(now + 1200)
          .sign(rsa.privateKey),
      ],
      ['for another audience', await withScope(all, { audience: 'some-other-api' })],
      ['for audiences not including ours', await withScope(all, { audience: ['a-api', 'b-api'] })],
      ['from another issuer', await withScope(all, { issuer: `${idp.issuer}/other-tenant` })],
      ['alg none', `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`],
      ['alg none with the kid', `${b64url({ alg: 'none', kid: rsa.kid })}.${b64url(claims)}.`],
      ['HS256 with a guessed secret', await hs256('secret')],
      ['HS256 keyed with the public key (algorithm confusion)', await hs256(await exportSPKI(rsa.publicKey))],
      [
        'payload altered after signing',
        `${header}.${b64url({ ...claims, sub: 'someone-else' })}.${signature}`,
      ],
      ['signature stripped', `${header}.${payload}.`],
      ['not a JWT at all', 'eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln'],
    ];
    const head = await t.store.headPosition();
    for (const [what, bearer] of refused) {
      expectUnauthorized(await t.as(bearer).get('/v1/projections'), what);
      expectUnauthorized(await launch(bearer, 'oidc-forged'), `${what} (command)`);
    }
    expect(await t.store.headPosition()).toBe(head);
    // The token they were made from is fine.
    expect((await t.as(valid).get('/v1/projections')).status).toBe(200);
  });

  it('still takes API keys', async () => {
    expect((await t.http().get('/v1/projections')).status).toBe(200);
    expectUnauthorized(
      await t.as(`${t.adminKey.slice(0, 20)}${'A'.repeat(43)}`).get('/v1/projections'),
      'unknown key',
    );
  });

  it('uses LEDGER_OIDC_JWKS_URL rather than discovery, and scopes from LEDGER_OIDC_SCOPES_CLAIM', async () => {
    const direct = await startTestApp(backend, {
      LEDGER_OIDC_ISSUER: idp.issuer,
      LEDGER_OIDC_AUDIENCE: AUDIENCE,
      LEDGER_OIDC_JWKS_URL: `${idp.issuer}/other-jwks`,
      LEDGER_OIDC_SCOPES_CLAIM: 'ledger_scopes',
    });
    try {
      const get = async (bearer: string) => direct.as(bearer).get('/v1/projections');
      for (const scopes of [['read'], 'openid read']) {
        const bearer = await token({ key: other, claims: { ledger_scopes: scopes } });
        expect({ scopes, status: (await get(bearer)).status }).toEqual({ scopes, status: 200 });
      }
      // The discovered JWKS is not consulted: its keys are not this ledger's.
      expectUnauthorized(await get(await token({ key: rsa, claims: { ledger_scopes: ['read'] } })), 'rsa');
      // The standard claim is not read when another is configured.
      expectForbidden(await get(await token({ key: other, claims: { scope: 'read' } })), 'scope claim');
    } finally {
      await direct.close();
    }
  });

  it('without OIDC configured, a JWT is just an invalid credential: 401', async () => {
    const plain = await startTestApp(backend);
    try {
      const bearer = await withScope('openid read admin commands:write');
      expectUnauthorized(await plain.as(bearer).get('/v1/projections'), 'read');
      const command = await plain.as(bearer).post('/v1/objections/o-jwt/log').send(objection());
      expectUnauthorized(command, 'command');
      expect(await plain.store.headPosition()).toBe(0);
    } finally {
      await plain.close();
    }
  });

  it('answers 503 with Retry-After while the identity provider cannot be reached, and API keys keep working', async () => {
    const closed = await startIssuer([rsa], []);
    await closed.close();
    const unreachable = await startTestApp(backend, {
      LEDGER_OIDC_ISSUER: closed.issuer,
      LEDGER_OIDC_AUDIENCE: AUDIENCE,
    });
    try {
      const bearer = await withScope('read', { issuer: closed.issuer });
      const refused = await unreachable.as(bearer).get('/v1/projections');
      expect(refused.status).toBe(503);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      expect(refused.body.type).toBe('/problems/identity-provider-unavailable');
      expect((await unreachable.http().get('/v1/projections')).status).toBe(200);
    } finally {
      await unreachable.close();
    }
  });

  it('keeps accepting tokens signed by keys it already fetched while the provider is down; garbage stays a 401', async () => {
    const flaky = await startIssuer([rsa], []);
    const app = await startTestApp(backend, {
      LEDGER_OIDC_ISSUER: flaky.issuer,
      LEDGER_OIDC_AUDIENCE: AUDIENCE,
    });
    try {
      const bearer = await withScope('read', { issuer: flaky.issuer });
      expect((await app.as(bearer).get('/v1/projections')).status).toBe(200);
      await flaky.close();
      expect((await app.as(bearer).get('/v1/projections')).status).toBe(200);
      expectUnauthorized(await app.as('not-a-jwt').get('/v1/projections'), 'garbage');
    } finally {
      await app.close();
    }
  });

  it('with LEDGER_OIDC_SCOPE_PREFIX, only prefixed values are ledger scopes', async () => {
    const prefixed = await startTestApp(backend, {
      LEDGER_OIDC_ISSUER: idp.issuer,
      LEDGER_OIDC_AUDIENCE: AUDIENCE,
      LEDGER_OIDC_SCOPE_PREFIX: 'ledger:',
    });
    try {
      const ours = await withScope('openid ledger:read');
      const anotherApis = await withScope('openid read admin');
      expect((await prefixed.as(ours).get('/v1/projections')).status).toBe(200);
      expect((await prefixed.as(anotherApis).get('/v1/projections')).status).toBe(403);
    } finally {
      await prefixed.close();
    }
  });
});
