import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LedgerClient } from '#client';
import { answer, ledgerClient } from './ledger.js';
import { periodAt } from './periods.js';

/** What the signed-in key may see: the client, and display names only with personal-data. */
export interface Session {
  client: LedgerClient;
  /** personId → display name; null when the key lacks personal-data (ids are shown instead). */
  names: Map<string, string> | null;
  team: Map<string, 'sales' | 'marketing'>;
  /** Whether the key reads whole events (scope audit), for the event view. */
  audit: boolean;
  /** The ledger's currency (ISO 4217): money is in its minor units. */
  currency: string;
}

export const SessionContext = createContext<Session | null>(null);

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('no session: sign in first');
  return session;
};

/**
 * Opens a session: the roster answers for any key with read, and holds display
 * names only for a key with personal-data; a 401 or 403 says the key will not do.
 */
export const openSession = async (credentials: string): Promise<Session> => {
  const client = ledgerClient(credentials);
  const [{ members }, card, events] = await Promise.all([
    answer(client.GET('/v1/team-members')),
    answer(
      client.GET('/v1/scorecards/{period}', { params: { path: { period: periodAt('week', new Date()) } } }),
    ),
    client.GET('/v1/events', { params: { query: { limit: 1 } } }),
  ]);
  const named = members.filter((m) => typeof m.displayName === 'string');
  const audit = events.response.ok;
  return {
    client,
    names: named.length > 0 ? new Map(named.map((m) => [m.personId, m.displayName as string])) : null,
    team: new Map(members.map((m) => [m.personId, m.team])),
    audit,
    currency: card.revenue.currency,
  };
};
