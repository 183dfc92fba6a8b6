import type { DomainEvent, SchemaVersions } from '../shared/decider.js';

export type ObjectionLogged = DomainEvent<
  'ObjectionLogged',
  {
    objectionId: string;
    category: string;
    text: string;
    /** A person id of the sales rep who heard it. */
    heardBy: string;
    dealId: string | null;
    campaignId: string | null;
    blameFlag: boolean;
  }
>;

export type ObjectionEvent = ObjectionLogged;

/** The current schema version of each event type; stored older versions are upcast on read. */
export const objectionSchemaVersions: SchemaVersions<ObjectionEvent> = {
  ObjectionLogged: 2,
};
