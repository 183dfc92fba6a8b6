import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths } from './schema.js';

/** The ledger's answers, by schema name. */
type Schemas = components['schemas'];
export type Scorecard = Schemas['ScorecardDto'];
export type AlignmentHealth = Schemas['AlignmentHealthDto'];
export type ProblemDetails = Schemas['ProblemDetailsDto'];

/** What the client reads: JSON answers and problems (an NDJSON export is read by other means, as a stream). */
type JsonMedia = 'application/json' | 'application/problem+json';

export type LedgerClient = Client<paths, JsonMedia>;

export interface LedgerClientOptions {
  /** Where the service is, e.g. http://localhost:3000 */
  baseUrl: string;
  /** An API key (lk_…) or an OIDC access token; none for the public probes only. */
  credentials?: string;
  /** Another fetch (a test's, a proxy's); the global one by default. */
  fetch?: typeof globalThis.fetch;
}

/**
 * A typed client of the Alignment Ledger (openapi-fetch over the types
 * generated from the document the service serves): every path, parameter,
 * body and answer checked at compile time. Errors arrive as `error`, typed
 * ProblemDetails.
 */
export const createLedgerClient = ({ baseUrl, credentials, fetch }: LedgerClientOptions): LedgerClient => {
  const client = createClient<paths, JsonMedia>({ baseUrl, ...(fetch ? { fetch } : {}) });
  if (credentials !== undefined) {
    const authenticate: Middleware = {
      onRequest: ({ request }) => {
        request.headers.set('Authorization', `Bearer ${credentials}`);
        return request;
      },
    };
    client.use(authenticate);
  }
  return client;
};
