import {
  type JWTPayload,
  type JWTVerifyGetKey,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
} from 'jose';
import { type Scope, isScope } from '#access';
import type { OidcConfig } from '../config/access.config.js';
import type { Caller } from './request-principal.js';

/** The identity provider (discovery or JWKS) could not be asked: not the caller's fault. */
export class IdentityProviderUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the identity provider’s signing keys could not be fetched', { cause });
    this.name = 'IdentityProviderUnavailableError';
  }
}

// Asymmetric only: a JWKS publishes public keys, and "none" or HS256 would let anyone sign.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const FETCH_TIMEOUT_MS = 5_000;
/** After a failed discovery, how long its failure is answered without asking again. */
const DISCOVERY_RETRY_MS = 5_000;

/** The ledger scopes in the claim: values with the prefix, the prefix taken off. */
const scopesIn = (claim: unknown, prefix: string): Scope[] => {
  const values: unknown[] = typeof claim === 'string' ? claim.split(' ') : Array.isArray(claim) ? claim : [];
  return values
    .filter((value): value is string => typeof value === 'string' && value.startsWith(prefix))
    .map((value) => value.slice(prefix.length))
    .filter(isScope);
};

const looksLikeJwt = (token: string): boolean => {
  try {
    decodeProtectedHeader(token);
    return true;
  } catch {
    return false;
  }
};

/** A fetch that failed, timed out or answered something other than a key set. */
const isUnreachable = (error: unknown): boolean =>
  error instanceof IdentityProviderUnavailableError ||
  error instanceof errors.JWKSTimeout ||
  error instanceof errors.JWKSInvalid ||
  error instanceof TypeError ||
  (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC');

/**
 * Verifies OIDC access tokens (JWTs) with jose: signature against the
 * issuer's published keys (fetched once, refetched on an unknown kid),
 * issuer, audience, expiry. The caller's scopes are the ledger scopes in the
 * configured claim; other values (openid, profile…) are ignored.
 */
export class OidcVerifier {
  private keySet: Promise<JWTVerifyGetKey> | null = null;
  private discoveryFailedAt = -Infinity;

  constructor(private readonly config: OidcConfig) {}

  /** The caller, or null when the token is not one this issuer signed for us, now. */
  async verify(token: string): Promise<Caller | null> {
    // Garbage is refused before any fetch: it must not reach the identity provider.
    if (!looksLikeJwt(token)) return null;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.keys(), {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: ALGORITHMS,
        clockTolerance: this.config.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (isUnreachable(error)) {
        throw error instanceof IdentityProviderUnavailableError
          ? error
          : new IdentityProviderUnavailableError(error);
      }
      return null;
    }
    return {
      principal: { kind: 'oidc', issuer: this.config.issuer, subject: String(payload.sub) },
      scopes: scopesIn(payload[this.config.scopesClaim], this.config.scopePrefix),
    };
  }

  /**
   * The issuer's keys, fetched once and kept (cacheMaxAge Infinity): an outage
   * of the provider does not lock out tokens signed by keys already known, and
   * a token with an unknown kid makes jose fetch again (at most every 30 s).
   */
  private keys(): Promise<JWTVerifyGetKey> {
    if (Date.now() - this.discoveryFailedAt < DISCOVERY_RETRY_MS) {
      return Promise.reject(new IdentityProviderUnavailableError('discovery failed moments ago'));
    }
    this.keySet ??= this.jwksUrl().then(
      (url) => createRemoteJWKSet(new URL(url), { timeoutDuration: FETCH_TIMEOUT_MS, cacheMaxAge: Infinity }),
      (error: unknown) => {
        // Asked again, but not before DISCOVERY_RETRY_MS: an outage is not a fetch per request.
        this.keySet = null;
        this.discoveryFailedAt = Date.now();
        throw error;
      },
    );
    return this.keySet;
  }

  private async jwksUrl(): Promise<string> {
    if (this.config.jwksUrl !== null) return this.config.jwksUrl;
    const discovery = `${this.config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    try {
      const response = await fetch(discovery, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      const document = (await response.json()) as { jwks_uri?: unknown };
      if (!response.ok || typeof document.jwks_uri !== 'string')
        throw new Error(`no jwks_uri at ${discovery}`);
      return document.jwks_uri;
    } catch (error) {
      throw new IdentityProviderUnavailableError(error);
    }
  }
}
