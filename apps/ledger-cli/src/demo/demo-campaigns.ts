import { call } from './demo-call.js';
import { type CampaignSpec, CAMPAIGNS } from './demo-campaign-specs.js';
import { dateAfter, iso, plusHours } from './demo-clock.js';
import { type DemoContext, teamIn } from './demo-context.js';
import { BLINDSIDE_NOTES, REVIEW_REASONS } from './demo-texts.js';

/** The proposal, and the sales reviews of it the next day. */
const propose = (context: DemoContext, c: CampaignSpec, week: number, plannedLaunch: Date) => {
  const { campaignId, brief } = c;
  const proposedAt = context.clock.at(week, 0, 10);
  const proposedBy = context.dice.pick(teamIn(context, 'marketing', week));
  const plannedLaunchDate = dateAfter(plannedLaunch, 0);
  const body = { ...brief, plannedLaunchDate, proposedBy, occurredAt: iso(proposedAt) };
  context.bulk.push({
    at: proposedAt,
    call: call('/v1/campaigns/{campaignId}/propose', { campaignId }, body),
  });
  const reviewers = context.dice.sample(teamIn(context, 'sales', week), c.reviews.length);
  c.reviews.forEach((verdict, i) => {
    const at = plusHours(proposedAt, 24 + i * 3 + context.dice.int(0, 2));
    const reasons = REVIEW_REASONS[verdict][i % REVIEW_REASONS[verdict].length];
    const review = { reviewedBy: reviewers[i], verdict, reasons, occurredAt: iso(at) };
    context.bulk.push({ at, call: call('/v1/campaigns/{campaignId}/review', { campaignId }, review) });
  });
};

/** The launch, the reps who acknowledge the briefing within a few days, and the end. */
const launch = (context: DemoContext, c: CampaignSpec, when: { week: number; day: number }) => {
  const { campaignId, brief } = c;
  const launchedAt = context.clock.at(when.week, when.day, 9);
  const launchedBy = context.dice.pick(teamIn(context, 'marketing', when.week));
  const body = { ...brief, launchedBy, occurredAt: iso(launchedAt) };
  context.bulk.push({
    at: launchedAt,
    call: call('/v1/campaigns/{campaignId}/launch', { campaignId }, body),
  });
  const reps = teamIn(context, 'sales', when.week);
  for (const acknowledgedBy of context.dice.sample(reps, Math.round(c.briefed * reps.length))) {
    const at = plusHours(launchedAt, context.dice.int(1, 60));
    const ack = { acknowledgedBy, occurredAt: iso(at) };
    context.bulk.push({
      at,
      call: call('/v1/campaigns/{campaignId}/acknowledge-briefing', { campaignId }, ack),
    });
  }
  const endedAt = c.endsInWeek === null ? null : context.clock.at(c.endsInWeek, 4, 17);
  if (c.endsInWeek !== null && endedAt !== null) {
    const end = {
      endedBy: context.dice.pick(teamIn(context, 'marketing', c.endsInWeek)),
      occurredAt: iso(endedAt),
    };
    context.bulk.push({ at: endedAt, call: call('/v1/campaigns/{campaignId}/end', { campaignId }, end) });
  }
  context.campaigns.push({ campaignId, launchedAt, endedAt });
};

/** Reps hearing of a campaign from a customer first: under-briefed launches, and one the ledger never saw. */
const BLINDSIDES = [
  { campaignId: 'integration-webinars', week: 2, day: 1, customerReference: 'CRM-10482' },
  { campaignId: 'partner-referrals', week: 4, day: 3, customerReference: 'CRM-11207' },
  { campaignId: 'regional-discount', week: 7, day: 2, customerReference: 'CRM-11930' },
  { campaignId: 'fiscal-year-end', week: 9, day: 2, customerReference: 'CRM-12544' },
] as const;

export const runCampaigns = (context: DemoContext): void => {
  for (const c of CAMPAIGNS) {
    const plannedLaunch = context.clock.at(c.launch?.week ?? 12, c.launch?.day ?? 2, 9);
    if (c.proposedInWeek !== null) propose(context, c, c.proposedInWeek, plannedLaunch);
    if (c.launch !== null) launch(context, c, c.launch);
  }
  BLINDSIDES.forEach(({ campaignId, week, day, customerReference }, i) => {
    const at = context.clock.at(week, day, 11 + i);
    const reportedBy = context.dice.pick(teamIn(context, 'sales', week));
    const report = { reportedBy, customerReference, note: BLINDSIDE_NOTES[i], occurredAt: iso(at) };
    context.bulk.push({
      at,
      call: call('/v1/campaigns/{campaignId}/report-blindside', { campaignId }, report),
    });
  });
};
