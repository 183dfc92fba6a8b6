import { Inject, Injectable } from '@nestjs/common';
import { parseApiKey } from '#access';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { ProblemException, problem } from '../http/problem.js';
import type { ProblemSlug } from '../http/problem-catalogue.js';
import { KeyVerifier } from './key-verifier.js';
import { IdentityProviderUnavailableError, OidcVerifier } from './oidc-verifier.js';
import type { Caller } from './request-principal.js';

export const REALM = 'Bearer realm="alignment-ledger"';

export const unauthorized = (slug: ProblemSlug, detail: string, error?: string) =>
  new ProblemException(
    problem(401, slug, 'Authentication required', {
      detail,
      wwwAuthenticate: error ? `${REALM}, error="${error}"` : REALM,
    }),
  );

/**
 * Who is behind a bearer credential: an API key (lk_…), or, where a single
 * sign-on is configured (LEDGER_OIDC_ISSUER), a person's access token.
 */
@Injectable()
export class Authenticator {
  private readonly oidc: OidcVerifier | null;

  constructor(
    private readonly keys: KeyVerifier,
    @Inject(LEDGER_CONFIG) config: LedgerConfig,
  ) {
    this.oidc = config.access.oidc && new OidcVerifier(config.access.oidc);
  }

  async authenticate(token: string): Promise<Caller> {
    if (parseApiKey(token) !== null || this.oidc === null) {
      const key = await this.keys.verify(token);
      if (typeof key === 'string') {
        throw unauthorized('invalid-key', 'the key is unknown, revoked or expired', 'invalid_token');
      }
      return { principal: { kind: 'api-key', id: key.id, name: key.name }, scopes: key.scopes };
    }
    const caller = await this.verifyToken(this.oidc, token);
    if (caller === null) {
      throw unauthorized(
        'invalid-token',
        'the access token is not signed by the configured issuer for this audience, or has expired',
        'invalid_token',
      );
    }
    return caller;
  }

  private async verifyToken(oidc: OidcVerifier, token: string): Promise<Caller | null> {
    try {
      return await oidc.verify(token);
    } catch (error) {
      if (!(error instanceof IdentityProviderUnavailableError)) throw error;
      throw new ProblemException(
        problem(503, 'identity-provider-unavailable', 'The identity provider is not available', {
          detail: `${error.message}; API keys still work`,
          retryAfterSeconds: 5,
        }),
      );
    }
  }
}
