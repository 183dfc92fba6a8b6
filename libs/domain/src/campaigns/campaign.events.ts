import type { DomainEvent, SchemaVersions } from '../shared/decider.js';

/** What marketing puts in front of sales and customers. */
export interface CampaignBrief {
  name: string;
  offer: string;
  channels: string[];
  audience: string;
  talkingPoints: string[];
}

export type CampaignProposed = DomainEvent<
  'CampaignProposed',
  CampaignBrief & { campaignId: string; plannedLaunchDate: string; proposedBy: string }
>;

export type CampaignReviewed = DomainEvent<
  'CampaignReviewed',
  {
    campaignId: string;
    reviewedBy: string;
    verdict: 'endorse' | 'concerns';
    reasons: string;
    blameFlag: boolean;
  }
>;

export type CampaignLaunched = DomainEvent<
  'CampaignLaunched',
  CampaignBrief & {
    campaignId: string;
    /** A person id; names live outside the log so that a person can be forgotten. */
    launchedBy: string;
    /** Whether any sales review was recorded before the launch (schema version 2). */
    reviewedBySales: boolean;
    /** Sales roster size at launch, the denominator of briefing coverage (version 2; null if upcast). */
    salesRosterSize: number | null;
  }
>;

export type BriefingAcknowledged = DomainEvent<
  'BriefingAcknowledged',
  { campaignId: string; acknowledgedBy: string }
>;

export type BlindsideReported = DomainEvent<
  'BlindsideReported',
  { campaignId: string; reportedBy: string; customerReference: string; note: string; blameFlag: boolean }
>;

export type CampaignEnded = DomainEvent<'CampaignEnded', { campaignId: string; endedBy: string }>;

export type CampaignEvent =
  | CampaignProposed
  | CampaignReviewed
  | CampaignLaunched
  | BriefingAcknowledged
  | BlindsideReported
  | CampaignEnded;

/** The current schema version of each event type; stored older versions are upcast on read. */
export const campaignSchemaVersions: SchemaVersions<CampaignEvent> = {
  CampaignProposed: 1,
  CampaignReviewed: 1,
  CampaignLaunched: 2,
  BriefingAcknowledged: 1,
  BlindsideReported: 1,
  CampaignEnded: 1,
};
