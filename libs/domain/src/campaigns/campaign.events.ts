import type { DomainEvent } from '../shared/decider.js';

export type CampaignLaunched = DomainEvent<
  'CampaignLaunched',
  {
    campaignId: string;
    name: string;
    offer: string;
    channels: string[];
    audience: string;
    talkingPoints: string[];
    /** A person id; names live outside the log so that a person can be forgotten. */
    launchedBy: string;
  }
>;

export type CampaignEvent = CampaignLaunched;
