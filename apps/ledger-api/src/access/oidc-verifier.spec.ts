import { jest } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { IdentityProviderUnavailableError, OidcVerifier } from './oidc-verifier.js';

/** A provider serving one key, whose keys request can be made to fail. */
const startProvider = async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  let issuer = '';
  let down = false;
  let requests = 0;
  const server = createServer((request, response) => {
    requests += 1;
    if (down) return void response.writeHead(500).end();
    const documents: Record<string, object> = {
      '/.well-known/openid-configuration': { issuer, jwks_uri: `${issuer}/jwks` },
      '/jwks': { keys: [jwk] },
    };
    const document = documents[request.url ?? ''];
    response
      .writeHead(document ? 200 : 404, { 'Content-Type': 'application/json' })
      .end(JSON.stringify(document ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = () =>
    new SignJWT({ scope: 'read' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience('ledger')
      .setSubject('ana')
      .setExpirationTime('1h')
      .sign(privateKey);
  return {
    issuer,
    token,
    requests: () => requests,
    fail: () => (down = true),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const verifierFor = (issuer: string) =>
  new OidcVerifier({
    issuer,
    audience: 'ledger',
    jwksUrl: null,
    scopesClaim: 'scope',
    scopePrefix: '',
    clockToleranceSeconds: 30,
  });

describe('OidcVerifier', () => {
  afterEach(() => jest.restoreAllMocks());

  it('keeps the keys it fetched: a provider down for longer than a cache period locks nobody out', async () => {
    const provider = await startProvider();
    const verifier = verifierFor(provider.issuer);
    const token = await provider.token();
    expect(await verifier.verify(token)).toMatchObject({ scopes: ['read'] });
    provider.fail();
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 11 * 60_000);
    expect(await verifier.verify(token)).toMatchObject({ principal: { subject: 'ana' } });
    await provider.close();
  });

  it('refuses garbage without asking the provider, and asks a failing provider at most once in a while', async () => {
    const provider = await startProvider();
    provider.fail();
    const verifier = verifierFor(provider.issuer);
    expect(await verifier.verify('not-a-jwt')).toBeNull();
    expect(provider.requests()).toBe(0);
    const token = await provider.token();
    await expect(verifier.verify(token)).rejects.toThrow(IdentityProviderUnavailableError);
    await expect(verifier.verify(token)).rejects.toThrow(IdentityProviderUnavailableError);
    expect(provider.requests()).toBe(1);
    await provider.close();
  });
});
