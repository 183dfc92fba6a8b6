import { type LedgerClient, type ProblemDetails, createLedgerClient } from '#client';

/** A problem the ledger answered, said in its own words (RFC 9457). */
export class LedgerProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `the ledger answered ${status}`);
  }
}

/** The data of an answer, or a LedgerProblem: views only see what went right. */
export const answer = async <T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> => {
  const { data, error, response } = await call;
  if (data === undefined || error !== undefined) {
    throw new LedgerProblem(response.status, error as ProblemDetails | undefined);
  }
  return data;
};

const STORAGE_KEY = 'alignment-ledger.credentials';

/** The key or token is kept for this tab only (sessionStorage), never in the URL. */
export const storedCredentials = (): string | null => sessionStorage.getItem(STORAGE_KEY);

export const storeCredentials = (credentials: string | null): void => {
  if (credentials === null) sessionStorage.removeItem(STORAGE_KEY);
  else sessionStorage.setItem(STORAGE_KEY, credentials);
};

export const ledgerClient = (credentials: string): LedgerClient =>
  createLedgerClient({ baseUrl: window.location.origin, credentials });

/** The query of a read at T: asOf when replaying, nothing when live. */
export const asOfQuery = (asOf: string | null): { asOf?: string } => (asOf ? { asOf } : {});
