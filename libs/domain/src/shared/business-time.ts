import { CommandRejected } from './command-rejected.js';

/** Clocks drift; more than this ahead of the ledger's clock is a mistake, not skew. */
const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/**
 * Business time of a command: what the sender says (`occurredAt`), or the
 * moment the ledger received it. Normalised to UTC ISO-8601.
 */
export const resolveOccurredAt = (occurredAt: string | undefined, receivedAt: string): string => {
  if (occurredAt === undefined) return receivedAt;
  const at = Date.parse(occurredAt);
  if (at > Date.parse(receivedAt) + MAX_FUTURE_SKEW_MS) {
    throw new CommandRejected(
      'rule',
      'occurred-at-in-future',
      `occurredAt ${occurredAt} is more than 5 minutes after the ledger's clock (${receivedAt})`,
      'occurredAt',
    );
  }
  return new Date(at).toISOString();
};
