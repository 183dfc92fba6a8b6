/** One campaign of the demo: its brief, and how it went with sales. */
export interface CampaignSpec {
  campaignId: string;
  brief: { name: string; offer: string; channels: string[]; audience: string; talkingPoints: string[] };
  /** null: launched without being proposed to sales first. */
  proposedInWeek: number | null;
  /** The sales reviews before launch (none: proposed, yet launched unreviewed). */
  reviews: ('endorse' | 'concerns')[];
  /** null: proposed, not launched yet. */
  launch: { week: number; day: number } | null;
  /** Share of the sales roster that acknowledges the briefing. */
  briefed: number;
  endsInWeek: number | null;
}

const brief = (
  name: string,
  offer: string,
  channels: string[],
  audience: string,
  talkingPoints: string[],
) => ({
  name,
  offer,
  channels,
  audience,
  talkingPoints,
});

/** Reviewed and unreviewed launches, well and thinly briefed ones, so the scorecards differ week to week. */
export const CAMPAIGNS: readonly CampaignSpec[] = [
  {
    campaignId: 'renewal-price-lock',
    brief: brief(
      'Renewal price lock',
      'Keep this year’s price on a two-year renewal',
      ['email', 'webinar'],
      'Customers renewing next quarter',
      ['Price locked for two years', 'No change to seats'],
    ),
    proposedInWeek: 0,
    reviews: ['endorse', 'concerns'],
    launch: { week: 1, day: 1 },
    briefed: 0.85,
    endsInWeek: 5,
  },
  {
    campaignId: 'integration-webinars',
    brief: brief(
      'Integration webinar series',
      'Free onboarding for the ERP connector',
      ['webinar', 'social'],
      'Operations leads at mid-market accounts',
      ['Live demos every Thursday', 'Connector setup in a day'],
    ),
    proposedInWeek: null,
    reviews: [],
    launch: { week: 1, day: 3 },
    briefed: 0.35,
    endsInWeek: 6,
  },
  {
    campaignId: 'annual-upgrade',
    brief: brief(
      'Monthly to annual upgrade',
      'Two months free when switching to annual billing',
      ['email', 'in-app'],
      'Monthly customers with more than ten seats',
      ['Two months free', 'One invoice a year'],
    ),
    proposedInWeek: 2,
    reviews: ['endorse', 'endorse', 'concerns'],
    launch: { week: 3, day: 2 },
    briefed: 1,
    endsInWeek: 7,
  },
  {
    campaignId: 'partner-referrals',
    brief: brief(
      'Partner referral drive',
      'A referral credit for agencies that introduce clients',
      ['partner', 'email'],
      'Agency partners',
      ['Credit per signed client', 'Co-branded pitch deck'],
    ),
    proposedInWeek: null,
    reviews: [],
    launch: { week: 4, day: 1 },
    briefed: 0.17,
    endsInWeek: 9,
  },
  {
    campaignId: 'security-pack',
    brief: brief(
      'Security assurance pack',
      'A security review kit for enterprise buyers',
      ['email', 'events'],
      'IT and security buyers at enterprise prospects',
      ['Audit reports on request', 'EU data residency'],
    ),
    proposedInWeek: 5,
    reviews: ['concerns', 'endorse'],
    launch: { week: 6, day: 1 },
    briefed: 0.72,
    endsInWeek: null,
  },
  {
    campaignId: 'competitive-switch',
    brief: brief(
      'Switch and save',
      'Six months at half price for teams moving from a competitor',
      ['paid-search', 'email'],
      'Teams on competing tools with contracts ending soon',
      ['Migration included', 'Half price for six months'],
    ),
    proposedInWeek: 6,
    reviews: [],
    launch: { week: 7, day: 2 },
    briefed: 0.58,
    endsInWeek: null,
  },
  {
    campaignId: 'fiscal-year-end',
    brief: brief(
      'Fiscal year-end offer',
      'Extra seats at no cost when signing before year end',
      ['email'],
      'Open opportunities in the late stages',
      ['Extra seats at no cost', 'Offer ends with the fiscal year'],
    ),
    proposedInWeek: null,
    reviews: [],
    launch: { week: 9, day: 0 },
    briefed: 0.29,
    endsInWeek: null,
  },
  {
    campaignId: 'mid-market-bundle',
    brief: brief(
      'Mid-market bundle',
      'Reporting add-on included in the mid-market plan',
      ['webinar', 'email'],
      'Mid-market prospects evaluating reporting tools',
      ['Reporting included', 'Same price as last year'],
    ),
    proposedInWeek: 10,
    reviews: ['endorse', 'concerns'],
    launch: { week: 11, day: 1 },
    briefed: 0.5,
    endsInWeek: null,
  },
  {
    campaignId: 'customer-day',
    brief: brief(
      'Customer day',
      'An on-site day of workshops for key accounts',
      ['events'],
      'Key accounts and their admins',
      ['Roadmap preview', 'Hands-on workshops'],
    ),
    proposedInWeek: 11,
    reviews: [],
    launch: null,
    briefed: 0,
    endsInWeek: null,
  },
];
