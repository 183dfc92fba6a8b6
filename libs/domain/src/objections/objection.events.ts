import type { DomainEvent } from '../shared/decider.js';

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
