import type { DomainEvent, SchemaVersions } from '../shared/decider.js';

/** Person ids only; names live outside the log so that a person can be forgotten. */
export type LeadHandedOff = DomainEvent<
  'LeadHandedOff',
  {
    leadId: string;
    /** Someone from marketing. */
    handedOffBy: string;
    /** Someone from sales. */
    assignedTo: string;
    sourceCampaignId: string | null;
  }
>;

export const leadFollowUpChannels = ['email', 'phone', 'meeting', 'social', 'other'] as const;
type LeadFollowUpChannel = (typeof leadFollowUpChannels)[number];

/** Every follow-up is recorded; scorecards use the first. */
export type LeadFollowedUp = DomainEvent<
  'LeadFollowedUp',
  {
    leadId: string;
    /** Someone from sales. */
    followedUpBy: string;
    channel: LeadFollowUpChannel;
  }
>;

export type LeadAccepted = DomainEvent<
  'LeadAccepted',
  {
    leadId: string;
    /** Someone from sales. */
    decidedBy: string;
  }
>;

export type LeadRejected = DomainEvent<
  'LeadRejected',
  {
    leadId: string;
    /** Someone from sales. */
    decidedBy: string;
    reasonCode: string;
    reasonText: string;
    /** The blame screen found reasonText pointing fingers rather than describing the lead. */
    blameFlag: boolean;
  }
>;

export type LeadEvent = LeadHandedOff | LeadFollowedUp | LeadAccepted | LeadRejected;

/** The current schema version of each event type; stored older versions are upcast on read. */
export const leadSchemaVersions: SchemaVersions<LeadEvent> = {
  LeadHandedOff: 1,
  LeadFollowedUp: 1,
  LeadAccepted: 1,
  LeadRejected: 1,
};
