import { parseApiKey } from '#access';
import { ConfigError, integer } from './config-values.js';

/** Accepting a single sign-on's access tokens besides API keys. */
export interface OidcConfig {
  /** The token's `iss`, exactly; its discovery document is at <issuer>/.well-known/openid-configuration. */
  issuer: string;
  /** Must be in the token's `aud`. */
  audience: string;
  /** Where the signing keys are; null: the discovery document's jwks_uri. */
  jwksUrl: string | null;
  /** The claim holding the ledger scopes: a space-separated string or an array. */
  scopesClaim: string;
  /** Only values with this prefix are ledger scopes (ledger:read…), so another API's admin is not ours. */
  scopePrefix: string;
  /** Leeway for exp and nbf between the provider's clock and ours. */
  clockToleranceSeconds: number;
}

export interface AccessConfig {
  /** A key (lk_…) to create with every scope when it does not exist yet: the first key of a server. */
  bootstrapAdminKey: string | null;
  /** How long a verified key is trusted before it is checked again (so a revocation reaches every replica). */
  keyCacheMs: number;
  /** A bearer token that may read /metrics besides admin keys, for a scraper. */
  metricsToken: string | null;
  /** Per caller and replica, in each window; 0: no limit. */
  commandsPerWindow: number;
  readsPerWindow: number;
  rateWindowSeconds: number;
  /** null: API keys only. */
  oidc: OidcConfig | null;
}

const httpUrl = (name: string, raw: string): string => {
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new ConfigError(
      name,
      `must be an http(s) URL such as https://login.example.com/realms/sales, got "${raw}"`,
    );
  }
  return raw;
};

const oidcOf = (env: NodeJS.ProcessEnv): OidcConfig | null => {
  const issuer = env.LEDGER_OIDC_ISSUER || null;
  const audience = env.LEDGER_OIDC_AUDIENCE || null;
  if (issuer === null && audience === null) return null;
  if (issuer === null || audience === null) {
    const missing = issuer === null ? 'LEDGER_OIDC_ISSUER' : 'LEDGER_OIDC_AUDIENCE';
    throw new ConfigError(missing, 'must be set too: OIDC needs both the issuer and the audience');
  }
  const scopesClaim = env.LEDGER_OIDC_SCOPES_CLAIM || 'scope';
  if (!/^[A-Za-z0-9_:./-]{1,100}$/.test(scopesClaim)) {
    throw new ConfigError(
      'LEDGER_OIDC_SCOPES_CLAIM',
      `must be a claim name such as scope, got "${scopesClaim}"`,
    );
  }
  const scopePrefix = env.LEDGER_OIDC_SCOPE_PREFIX ?? '';
  if (!/^[A-Za-z0-9_:./-]{0,50}$/.test(scopePrefix)) {
    throw new ConfigError(
      'LEDGER_OIDC_SCOPE_PREFIX',
      `must be up to 50 of A-Za-z0-9_:./-, got "${scopePrefix}"`,
    );
  }
  return {
    issuer: httpUrl('LEDGER_OIDC_ISSUER', issuer),
    scopePrefix,
    audience,
    jwksUrl: env.LEDGER_OIDC_JWKS_URL ? httpUrl('LEDGER_OIDC_JWKS_URL', env.LEDGER_OIDC_JWKS_URL) : null,
    scopesClaim,
    clockToleranceSeconds: integer(env, 'LEDGER_OIDC_CLOCK_TOLERANCE_S', 30, 0, 300),
  };
};

export const accessOf = (env: NodeJS.ProcessEnv): AccessConfig => {
  const bootstrapAdminKey = env.LEDGER_BOOTSTRAP_ADMIN_KEY || null;
  if (bootstrapAdminKey !== null && !parseApiKey(bootstrapAdminKey)) {
    throw new ConfigError(
      'LEDGER_BOOTSTRAP_ADMIN_KEY',
      'must be a key lk_<16 of a-z0-9>_<43 of A-Za-z0-9_->',
    );
  }
  const metricsToken = env.LEDGER_METRICS_TOKEN || null;
  if (metricsToken !== null && metricsToken.length < 32) {
    throw new ConfigError('LEDGER_METRICS_TOKEN', 'must be at least 32 characters');
  }
  return {
    bootstrapAdminKey,
    keyCacheMs: integer(env, 'LEDGER_KEY_CACHE_MS', 2_000, 0, 60_000),
    metricsToken,
    commandsPerWindow: integer(env, 'LEDGER_RATE_LIMIT_COMMANDS', 6_000, 0, 10_000_000),
    readsPerWindow: integer(env, 'LEDGER_RATE_LIMIT_READS', 12_000, 0, 10_000_000),
    rateWindowSeconds: integer(env, 'LEDGER_RATE_LIMIT_WINDOW_S', 60, 1, 3_600),
    oidc: oidcOf(env),
  };
};
