import type { DomainEvent } from './decider.js';
import { schemaVersionOf } from '../ledger-events.js';

type Data = Record<string, unknown>;
type Upcaster = (data: Data) => Data;

/** Step by step from each stored version to the next; the log itself is never rewritten. */
const upcasters: Record<string, Record<number, Upcaster>> = {
  // v2 records whether sales reviewed before launch and the sales roster size at launch.
  CampaignLaunched: { 1: (data) => ({ ...data, reviewedBySales: false, salesRosterSize: null }) },
  // v2 carries the blame flag of the objection text.
  ObjectionLogged: { 1: (data) => ({ ...data, blameFlag: false }) },
};

/** A stored event in the shape of the current schema version of its type. */
export const upcast = (type: string, schemaVersion: number, data: object): DomainEvent => {
  let current = data as Data;
  for (let version = schemaVersion; version < schemaVersionOf(type); version += 1) {
    const step = upcasters[type]?.[version];
    if (!step) throw new Error(`no upcaster for ${type} v${version}`);
    current = step(current);
  }
  return { type, data: current };
};

/** A stored event (type, schema version, data) as the current domain event. */
export const upcastStored = (stored: { type: string; schemaVersion: number; data: object }): DomainEvent =>
  upcast(stored.type, stored.schemaVersion, stored.data);
