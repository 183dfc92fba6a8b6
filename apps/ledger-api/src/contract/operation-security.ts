import type { OpenAPIObject } from '@nestjs/swagger';
import { isScope } from '#access';
import type { OidcConfig } from '../config/access.config.js';

/** The document's name for the single sign-on's scheme, when one is configured. */
const OIDC_SCHEME = 'oidc';

/**
 * States each operation's security in the document. A public operation needs
 * no credentials (`security: []`): @nestjs/swagger has no decorator for it,
 * and a missing list reads as "not declared" to linters and client
 * generators. Where a single sign-on is configured, an operation also
 * accepts its token with the scope(s) x-ledger-scope names — either of them.
 */
export const declareSecurity = (document: OpenAPIObject, oidc: OidcConfig | null): OpenAPIObject => {
  if (oidc !== null) {
    document.components = document.components ?? {};
    document.components.securitySchemes = {
      ...document.components.securitySchemes,
      [OIDC_SCHEME]: {
        type: 'openIdConnect',
        openIdConnectUrl: `${oidc.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
        description: `Access tokens for audience ${oidc.audience}; ledger scopes in the ${oidc.scopesClaim} claim`,
      },
    };
  }
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Record<string, unknown>[]) {
      const scope = operation['x-ledger-scope'];
      if (scope === 'public') operation.security = [];
      else if (oidc !== null && typeof scope === 'string') {
        const scopes = scope.split(/,? or /).filter(isScope);
        const security = (operation.security as object[] | undefined) ?? [];
        operation.security = [...security, ...scopes.map((one) => ({ [OIDC_SCHEME]: [one] }))];
      }
    }
  }
  return document;
};
