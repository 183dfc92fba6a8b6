import type { DomainEvent, SchemaVersions } from '../shared/decider.js';

type DealOutcome = 'won' | 'lost';

export type DealRecorded = DomainEvent<
  'DealRecorded',
  {
    dealId: string;
    outcome: DealOutcome;
    /** Integer minor units (cents), never negative. */
    amount: number;
    /** ISO 4217; always the ledger's currency. */
    currency: string;
    /** UTC ISO instant. */
    closedAt: string;
    /** A person id of the sales rep who owns the deal. */
    owner: string;
    leadId: string | null;
    campaignIds: string[];
    objectionCategories: string[];
    /** Only on lost deals. */
    lossReason: string | null;
    /** The blame screen found lossReason pointing fingers; false when there is none. */
    blameFlag: boolean;
  }
>;

export type DealEvent = DealRecorded;

/** The current schema version of each event type; stored older versions are upcast on read. */
export const dealSchemaVersions: SchemaVersions<DealEvent> = {
  DealRecorded: 1,
};
