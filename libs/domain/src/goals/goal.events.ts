import type { DomainEvent, SchemaVersions } from '../shared/decider.js';

/** The longest lead follow-up SLA a goal may set: 30 days. */
export const MAX_LEAD_FOLLOW_UP_SLA_HOURS = 720;

/** The target sales and marketing share for one period; a later setting revises it. */
export type SharedGoalSet = DomainEvent<
  'SharedGoalSet',
  {
    /** `YYYY-Www`, `YYYY-MM` or `YYYY-Qn`. */
    period: string;
    /** Integer minor units (cents), more than 0. */
    revenueTarget: number;
    /** ISO 4217; always the ledger's currency. */
    currency: string;
    /** How soon sales promises to follow up a handed-off lead, in hours (1–720). */
    leadFollowUpSlaHours: number;
    /** A person id, from either team. */
    setBy: string;
    /** 1 for the first setting of the period, then 2, 3 … */
    revision: number;
  }
>;

export type GoalEvent = SharedGoalSet;

/** The current schema version of each event type; stored older versions are upcast on read. */
export const goalSchemaVersions: SchemaVersions<GoalEvent> = {
  SharedGoalSet: 1,
};
