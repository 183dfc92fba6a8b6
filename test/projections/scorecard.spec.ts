import { randomUUID } from 'node:crypto';
import { parsePeriod } from '#domain';
import type { NewEvent } from '#event-store';
import { readScorecard, scorecardQuery } from '#projections';
import { createTestPglite, createTestPostgres } from '#testing';
import { projectHistory, recordedAMinuteLater } from './project-history.js';

type Entry = [string, NewEvent['data'], string];
/** 'MM-DDTHH:MM' in 2026, as a normalised UTC instant. */
const at = (moment: string) => new Date(`2026-${moment}Z`).toISOString();
const sales = (personId: string) => ({ personId, team: 'sales' });
const marketing = (personId: string) => ({ personId, team: 'marketing' });
type Person = ReturnType<typeof sales>;
const joint = [marketing('mia'), sales('sam')];
const salesOnly = [sales('sam'), sales('ana')];

const e = (type: string, when: string, data: NewEvent['data']): Entry => [type, data, at(when)];
const goal = (period: string, revenueTarget: number, slaHours: number, revision: number, when: string) =>
  e('SharedGoalSet', when, {
    period,
    revenueTarget,
    currency: 'EUR',
    leadFollowUpSlaHours: slaHours,
    setBy: 'mia',
    revision,
  });
type Late = { occurredAt?: string; blameFlag?: boolean };
const deal = (
  dealId: string,
  outcome: string,
  amount: number,
  closedAt: string,
  cites: string[],
  l: Late = {},
) =>
  e('DealRecorded', l.occurredAt ?? closedAt, {
    ...{ dealId, outcome, amount, currency: 'EUR', closedAt: at(closedAt), owner: 'sam', leadId: null },
    ...{ campaignIds: cites, objectionCategories: [], lossReason: null, blameFlag: l.blameFlag ?? false },
  });
const handOff = (leadId: string, when: string) =>
  e('LeadHandedOff', when, { leadId, handedOffBy: 'mia', assignedTo: 'sam', sourceCampaignId: null });
const followUp = (leadId: string, when: string) =>
  e('LeadFollowedUp', when, { leadId, followedUpBy: 'sam', channel: 'email' });
const reject = (leadId: string, when: string, reasonCode: string, blameFlag = false) =>
  e('LeadRejected', when, { leadId, decidedBy: 'sam', reasonCode, reasonText: 't', blameFlag });
const launch = (campaignId: string, when: string, reviewedBySales: boolean, salesRosterSize: number) =>
  e('CampaignLaunched', when, {
    campaignId,
    name: campaignId,
    launchedBy: 'mia',
    reviewedBySales,
    salesRosterSize,
  });
const review = (campaignId: string, when: string) =>
  e('CampaignReviewed', when, {
    campaignId,
    reviewedBy: 'sam',
    verdict: 'concerns',
    reasons: 'r',
    blameFlag: true,
  });
const blindside = (when: string, blameFlag: boolean) =>
  e('BlindsideReported', when, {
    campaignId: 'c',
    reportedBy: 'lee',
    customerReference: 'c',
    note: 'n',
    blameFlag,
  });
const publish = (contentId: string, category: string, when: string) =>
  e('ContentPublished', when, { contentId, category, title: 't', url: 'u', publishedBy: 'mia' });
const ack = (campaignId: string, acknowledgedBy: string, when: string) =>
  e('BriefingAcknowledged', when, { campaignId, acknowledgedBy });
const objection = (category: string, when: string, blameFlag = false) =>
  e('ObjectionLogged', when, { objectionId: randomUUID(), category, text: 't', heardBy: 'sam', blameFlag });
const items = (due: Record<string, string>) =>
  Object.entries(due).map(([id, day]) => ({
    actionItemId: id,
    description: 'd',
    owner: 'sam',
    dueDate: `2026-${day}`,
  }));
const huddle = (
  huddleId: string,
  heldAt: string,
  attendees: Person[],
  due: Record<string, string>,
  l: Late = {},
) =>
  e('HuddleHeld', l.occurredAt ?? heldAt, {
    ...{ huddleId, heldAt: at(heldAt), attendees, numbersReviewed: true },
    ...{ working: [], notWorking: [], objectionCategoriesDiscussed: [], actionItems: items(due) },
    blameFlag: l.blameFlag ?? false,
  });
const retro = (retroId: string, when: string, due: Record<string, string>) =>
  e('RetroClosed', when, { retroId, closedBy: 'mia', actionItems: items(due), blameFlag: true });
const done = (huddleId: string, actionItemId: string, when: string) =>
  e('ActionItemCompleted', when, { huddleId, actionItemId, completedBy: 'sam' });
const retroDone = (retroId: string, actionItemId: string, when: string) =>
  e('RetroActionItemCompleted', when, { retroId, actionItemId, completedBy: 'sam' });
const celebrate = (celebrationId: string, when: string, attendees: Person[]) =>
  e('WinCelebrated', when, { celebrationId, subject: { kind: 'deals', dealIds: ['d2'] }, attendees });

/** Grouped by metric; appended in occurredAt order (recordedAt = occurredAt + 1 min). Period: November 2026. */
const history: Entry[] = [
  // Goals: November revision 1 (SLA 4 h), revision 2 on 22 Nov (SLA 48 h), and December's (SLA 1 h, set in November).
  goal('2026-11', 1_000_000, 4, 1, '10-28T09:00'),
  goal('2026-11', 800_000, 48, 2, '11-22T09:00'),
  goal('2026-12', 5_000_000, 1, 1, '11-25T09:00'),
  // Deals, by closedAt. d0 closed in October but recorded in November; d5 closed in November, recorded 1 Dec.
  deal('d0', 'won', 50_000, '10-31T23:59', [], { occurredAt: '11-02T10:00' }),
  deal('d1', 'won', 200_000, '11-01T00:00', []),
  deal('d2', 'won', 150_000, '11-12T15:00', ['spring']),
  deal('d3', 'lost', 90_000, '11-14T10:00', [], { blameFlag: true }),
  deal('d7', 'lost', 40_000, '11-18T10:00', []),
  deal('d4', 'won', 100_000, '11-25T10:00', ['spring', 'autumn']),
  deal('d5', 'won', 70_000, '11-30T23:00', [], { occurredAt: '12-01T09:00' }),
  deal('d6', 'won', 300_000, '12-01T00:00', ['spring']),
  // Leads.
  handOff('L0', '10-31T23:59'),
  followUp('L0', '11-02T09:00'),
  e('LeadAccepted', '11-02T10:00', { leadId: 'L0', decidedBy: 'sam' }),
  handOff('L1', '11-01T00:00'),
  followUp('L1', '11-01T04:00'), // exactly 4 h: 240 min
  e('LeadAccepted', '11-01T06:00', { leadId: 'L1', decidedBy: 'sam' }),
  handOff('L2', '11-03T09:00'),
  followUp('L2', '11-03T14:00'), // 300 min
  followUp('L2', '11-04T09:00'), // not the first
  e('LeadAccepted', '11-20T11:59:30', { leadId: 'L2', decidedBy: 'sam' }), // recorded 12:00:30
  handOff('L3', '11-05T09:00'),
  followUp('L3', '11-08T09:00'), // 72 h: 4320 min
  reject('L3', '11-09T10:00', 'no-budget', true),
  handOff('L4', '11-10T09:00'), // never followed up
  reject('L4', '11-12T10:00', 'bad-timing'),
  handOff('L5', '11-20T10:00'),
  followUp('L5', '11-20T13:00'), // 180 min
  e('LeadAccepted', '11-21T09:00', { leadId: 'L5', decidedBy: 'sam' }),
  handOff('L9', '11-24T09:00'),
  followUp('L9', '11-24T09:30'), // 30 min
  reject('L9', '11-25T10:00', 'no-budget'),
  handOff('L7', '11-29T08:00'),
  followUp('L7', '12-01T10:00'), // 50 h: 3000 min
  reject('L7', '12-01T11:00', 'wrong-fit', true),
  handOff('L6', '11-30T20:00'), // never followed up
  handOff('L8', '12-01T00:00'),
  // Campaigns, by launch time.
  review('spring', '10-30T09:00'),
  review('autumn', '11-14T09:00'),
  launch('old', '10-31T23:59', true, 4),
  launch('spring', '11-01T00:00', true, 5),
  launch('autumn', '11-15T09:00', true, 5),
  launch('flash', '11-28T09:00', false, 4),
  launch('winter', '12-01T00:00', true, 5),
  ack('old', 'lee', '11-01T09:00'),
  ack('spring', 'sam', '11-02T09:00'),
  ack('spring', 'ana', '11-03T09:00'),
  ack('spring', 'sam', '11-04T09:00'),
  ack('spring', 'kim', '11-21T09:00'),
  ack('autumn', 'lee', '11-16T09:00'),
  ack('autumn', 'ana', '11-16T10:00'),
  ack('winter', 'sam', '12-01T00:30'),
  blindside('10-31T23:59', true),
  blindside('11-06T10:00', true),
  blindside('11-23T10:00', false),
  // Objections and content.
  objection('price', '10-31T23:59', true),
  objection('price', '11-01T00:00'),
  objection('price', '11-04T10:00', true),
  objection('timing', '11-07T10:00'),
  objection('competitor', '11-11T10:00'),
  objection('trust', '11-19T10:00'),
  objection('timing', '11-24T10:00', true),
  objection('price', '12-01T00:00'),
  publish('k1', 'price', '10-15T09:00'),
  publish('k2', 'timing', '11-05T09:00'),
  e('ContentWithdrawn', '11-22T09:00', { contentId: 'k2', withdrawnBy: 'mia' }),
  publish('k3', 'competitor', '11-21T09:00'),
  publish('k4', 'trust', '12-01T00:30'),
  // Huddles by heldAt (W44 26 Oct–1 Nov, W45 from 2 Nov, W46 9, W47 16, W48 23, W49 30 Nov–6 Dec), and action items.
  huddle('h0', '10-31T23:00', joint, { a0: '11-05' }, { occurredAt: '11-02T09:00', blameFlag: true }),
  huddle('h1', '11-03T10:00', joint, { a1: '11-10', a2: '11-25' }),
  huddle('h2', '11-10T10:00', salesOnly, { a3: '11-12' }, { blameFlag: true }),
  huddle('h3', '11-24T10:00', joint, { a4: '11-26' }),
  huddle('h4', '11-30T10:00', joint, { a5: '11-30' }, { occurredAt: '12-01T08:00' }),
  retro('r0', '10-31T23:59', { r0a: '11-03' }),
  retro('r1', '11-06T15:00', { r1a: '11-13', r1b: '11-20' }),
  done('h0', 'a0', '11-04T10:00'),
  done('h1', 'a1', '11-09T10:00'),
  retroDone('r1', 'r1a', '11-13T20:00'),
  done('h2', 'a3', '11-24T12:00'), // late: due 12 Nov
  done('h3', 'a4', '11-28T10:00'), // late: due 26 Nov
  retroDone('r1', 'r1b', '12-01T09:00'),
  // Celebrations.
  celebrate('w0', '10-31T23:59', joint),
  celebrate('w1', '11-13T17:00', joint),
  celebrate('w2', '11-26T17:00', salesOnly),
  celebrate('w3', '11-30T17:00', joint),
];

describe.each([
  ['PGlite', createTestPglite],
  ['PostgreSQL server', createTestPostgres],
])('shared scorecard (%s)', (_backend, createDb) => {
  it('adds up the period by business time, now and as of an earlier moment', async () => {
    const db = await createDb();
    const store = await projectHistory(
      db,
      [...history].sort((a, b) => Date.parse(a[2]) - Date.parse(b[2])).map(recordedAMinuteLater),
      scorecardQuery.reads,
    );
    const november = parsePeriod('2026-11')!;
    const now = new Date(at('12-01T12:00'));
    const period = { period: '2026-11', from: at('11-01T00:00'), to: at('12-01T00:00') };

    // T = now = 1 Dec 12:00, after everything was recorded. Worked out by hand from the history:
    expect(await readScorecard(db, november, { now, currency: 'EUR' })).toEqual({
      ...period,
      at: '2026-12-01T12:00:00.000Z',
      // revision 2 beats revision 1; December's goal is another period's
      goal: { revenueTarget: 800_000, currency: 'EUR', leadFollowUpSlaHours: 48, revision: 2 },
      // won d1 200 000 + d2 150 000 + d4 100 000 + d5 70 000 = 520 000 (not d0: closed 31 Oct; not d6: 1 Dec);
      // d2 + d4 cite campaigns: 250 000
      revenue: { currency: 'EUR', won: 520_000, attainment: 520_000 / 800_000, campaignInfluenced: 250_000 },
      deals: { won: 4, lost: 2, winRate: expect.closeTo(4 / 6, 10) }, // lost d3, d7
      leads: {
        // L1 L2 L3 L4 L5 L9 L7 L6 (not L0: 31 Oct; not L8: 1 Dec); SLA 48 h:
        // within L1 (4 h), L2 (5 h), L5 (3 h), L9 (0.5 h); breached L3 (72 h), L7 (50 h),
        // L4 (none, deadline 12 Nov < T); pending L6 (deadline 2 Dec 20:00)
        handedOff: 8,
        withinSla: 4,
        breached: 3,
        slaCompliance: expect.closeTo(4 / 7, 10),
        // 30 180 240 300 3000 4320 → (240 + 300) / 2
        medianResponseMinutes: 270,
        accepted: 4, // L0 (handed off in October, accepted in November), L1, L2, L5
        rejected: 3, // L3, L4, L9 (L7's on 1 Dec)
        rejectionReasons: { 'no-budget': 2, 'bad-timing': 1 },
      },
      campaigns: {
        launched: 3, // spring (1 Nov 00:00), autumn, flash; not old (31 Oct 23:59) nor winter (1 Dec)
        reviewedBeforeLaunch: 2, // spring, autumn
        briefingCoverage: expect.closeTo(5 / 14, 10), // spring {sam, ana, kim} + autumn {lee, ana} + flash 0 / (5 + 5 + 4)
        blindsides: 2, // 6 and 23 Nov
      },
      objections: {
        logged: 6,
        byCategory: { price: 2, timing: 2, competitor: 1, trust: 1 },
        // live at T: price (k1), competitor (k3), trust (k4, published 1 Dec 00:30); timing withdrawn 22 Nov: (2 + 1 + 1) / 6
        coverage: expect.closeTo(4 / 6, 10),
      },
      // h1 h2 h3 h4 (not h0: held 31 Oct); joint h1 (W45), h3 (W48), h4 (W49); elapsed W44–W49: 3 / 6
      huddles: { held: 4, joint: 3, weeklyCadence: 3 / 6 },
      // opened a1 a2 a3 a4 a5 r1a r1b; completed a0 a1 r1a a3 a4 (r1b on 1 Dec);
      // overdue a2 (due 25 Nov), a5 (due 30 Nov, ended 1 Dec 00:00); r1b was done by T
      actionItems: { opened: 7, completed: 5, overdue: 2 },
      celebrations: { joint: 2 }, // w1, w3 (w2 sales only, w0 October)
      // objections 4 and 24 Nov, blindside 6 Nov, retro r1, rejected L3, huddle h2, review of autumn, deal d3
      blame: { flagged: 8 },
    });

    // As of 20 Nov 12:00: the ledger knew events that occurred by 11:59, and revision 1 (SLA 4 h).
    const asOf = new Date(at('11-20T12:00'));
    expect(await readScorecard(db, november, { asOf, now, currency: 'EUR' })).toEqual({
      ...period,
      at: '2026-11-20T12:00:00.000Z',
      goal: { revenueTarget: 1_000_000, currency: 'EUR', leadFollowUpSlaHours: 4, revision: 1 },
      // d1 200 000 + d2 150 000; d2 cites spring
      revenue: {
        currency: 'EUR',
        won: 350_000,
        attainment: 350_000 / 1_000_000,
        campaignInfluenced: 150_000,
      },
      deals: { won: 2, lost: 2, winRate: 2 / 4 },
      leads: {
        // L1 L2 L3 L4 L5; within L1 (240 min, at the deadline); breached L2 (5 h), L3, L4 (deadline 10 Nov 13:00);
        // pending L5 (deadline 14:00, its 13:00 follow-up not yet known): 1 / 4
        handedOff: 5,
        withinSla: 1,
        breached: 3,
        slaCompliance: 1 / 4,
        medianResponseMinutes: 300, // 240 300 4320
        accepted: 2, // L0, L1; L2's occurred 11:59:30, recorded 12:00:30
        rejected: 2,
        rejectionReasons: { 'no-budget': 1, 'bad-timing': 1 },
      },
      // spring {sam, ana} + autumn {lee, ana} / (5 + 5); kim acknowledged 21 Nov
      campaigns: { launched: 2, reviewedBeforeLaunch: 2, briefingCoverage: 4 / 10, blindsides: 1 },
      // live: price, timing (withdrawn later); competitor content came 21 Nov: (2 + 1) / 5
      objections: {
        logged: 5,
        byCategory: { price: 2, timing: 1, competitor: 1, trust: 1 },
        coverage: 3 / 5,
      },
      // h1 joint, h2 sales only; elapsed W44 W45 W46 W47 (W48 starts 23 Nov), covered W45: 1 / 4
      huddles: { held: 2, joint: 1, weeklyCadence: 1 / 4 },
      // opened a1 a2 a3 r1a r1b; completed a0 a1 r1a; overdue a3 (ended 13 Nov, done 24 Nov); r1b due today
      actionItems: { opened: 5, completed: 3, overdue: 1 },
      celebrations: { joint: 1 },
      blame: { flagged: 7 }, // all but the 24 Nov objection
    });
    await store.close();
  });
});
