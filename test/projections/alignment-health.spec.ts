import type { NewEvent } from '#event-store';
import { alignmentHealthQuery, readAlignmentHealth } from '#projections';
import { createTestPglite, createTestPostgres } from '#testing';
import { projectHistory, recordedAMinuteLater } from './project-history.js';

const at = (day: string) => `2026-${day}Z`;
const sales = (personId: string) => ({ personId, team: 'sales' });
const marketing = (personId: string) => ({ personId, team: 'marketing' });

/** The history, in the order it was recorded; position n is the n-th entry. */
const history: [string, NewEvent['data'], string][] = [
  [
    'CampaignLaunched',
    { campaignId: 'old', name: 'Old', launchedBy: 'mia', reviewedBySales: false, salesRosterSize: 4 },
    at('10-01T00:00:00'),
  ],
  [
    'WinCelebrated',
    {
      celebrationId: 'c0',
      subject: { kind: 'goal', period: '2026-Q3' },
      attendees: [marketing('mia'), sales('sam')],
    },
    at('10-20T00:00:00'),
  ],
  [
    'ContentPublished',
    { contentId: 'roi', category: 'price', title: 'ROI', url: 'https://x.example', publishedBy: 'mia' },
    at('11-01T00:00:00'),
  ],
  [
    'CampaignLaunched',
    {
      campaignId: 'reviewed',
      name: 'Reviewed',
      launchedBy: 'mia',
      reviewedBySales: true,
      salesRosterSize: 4,
    },
    at('11-10T00:00:00'),
  ],
  ['BriefingAcknowledged', { campaignId: 'reviewed', acknowledgedBy: 'sam' }, at('11-11T00:00:00')],
  ['BriefingAcknowledged', { campaignId: 'reviewed', acknowledgedBy: 'ana' }, at('11-11T00:02:00')],
  [
    'BlindsideReported',
    { campaignId: 'ghost', reportedBy: 'lee', customerReference: 'globex', note: 'n', blameFlag: false },
    at('11-15T00:00:00'),
  ],
  ['ObjectionLogged', { category: 'price', blameFlag: false }, at('11-16T00:00:00')],
  ['ObjectionLogged', { category: 'price', blameFlag: false }, at('11-17T00:00:00')],
  ['ObjectionLogged', { category: 'price', blameFlag: false }, at('11-18T00:00:00')],
  ['ObjectionLogged', { category: 'timing', blameFlag: false }, at('11-19T00:00:00')],
  ['ObjectionLogged', { category: 'timing', blameFlag: false }, at('11-19T00:01:00')],
  ['ObjectionLogged', { category: 'trust', blameFlag: true }, at('11-19T00:02:00')],
  ['ObjectionLogged', { category: 'competitor', blameFlag: false }, at('11-19T00:03:00')],
  [
    'CampaignLaunched',
    { campaignId: 'rushed', name: 'Rushed', launchedBy: 'mia', reviewedBySales: false, salesRosterSize: 4 },
    at('11-20T00:00:00'),
  ],
  [
    'HuddleHeld',
    {
      huddleId: 'h1',
      heldAt: at('11-20T01:00:00'),
      attendees: [marketing('mia'), sales('sam')],
      blameFlag: false,
    },
    at('11-20T01:00:00'),
  ],
  ['BriefingAcknowledged', { campaignId: 'rushed', acknowledgedBy: 'sam' }, at('11-21T00:00:00')],
  [
    'DealRecorded',
    {
      dealId: 'd1',
      outcome: 'won',
      amount: 100,
      closedAt: at('11-25T00:00:00'),
      campaignIds: [],
      blameFlag: false,
    },
    at('11-25T00:00:00'),
  ],
  [
    'DealRecorded',
    {
      dealId: 'd2',
      outcome: 'lost',
      amount: 100,
      closedAt: at('11-26T00:00:00'),
      campaignIds: [],
      blameFlag: true,
    },
    at('11-26T00:00:00'),
  ],
  [
    'HuddleHeld',
    {
      huddleId: 'h2',
      heldAt: at('11-28T00:00:00'),
      attendees: [sales('sam'), sales('ana')],
      blameFlag: false,
    },
    at('11-28T00:00:00'),
  ],
  [
    'CampaignLaunched',
    { campaignId: 'fresh', name: 'Fresh', launchedBy: 'mia', reviewedBySales: true, salesRosterSize: 4 },
    at('11-29T00:00:00'),
  ],
];

describe.each([
  ['PGlite', createTestPglite],
  ['PostgreSQL server', createTestPostgres],
])('alignment health (%s)', (_backend, createDb) => {
  it('finds each warning sign, with its evidence, now and as of an earlier moment', async () => {
    const db = await createDb();
    const store = await projectHistory(db, history.map(recordedAMinuteLater), alignmentHealthQuery.reads);

    // T = 30 Nov 12:00; the window is (2 Nov 12:00, 30 Nov 12:00]. Worked out by hand from the history:
    const health = await readAlignmentHealth(db, { now: new Date(at('11-30T12:00:00')) });
    expect(health).toEqual({
      at: '2026-11-30T12:00:00.000Z',
      window: { after: '2026-11-02T12:00:00.000Z', upTo: '2026-11-30T12:00:00.000Z' },
      // the blindside (7), and "rushed" (15): 1 of 4 reps within two days of launch; "reviewed" had 2 of 4
      salesBlindsided: { status: 'warning', evidence: [7, 15] },
      // "rushed" launched unreviewed; "old" did too, but before the window
      strategyNotShared: { status: 'warning', evidence: [15] },
      // top three: price 3, timing 2, competitor 1 (ties with trust, broken by name); only price has content
      objectionsUnheard: { status: 'warning', evidence: [11, 12, 14] },
      // a deal won on 25 Nov, and the only joint celebration was on 20 Oct
      noSharedCelebration: { status: 'warning', evidence: [18] },
      blameGame: { status: 'warning', evidence: [13, 19] },
      // the last joint huddle was 20 Nov, over 7 days before T; the 28 Nov one was sales only
      huddleCadence: { status: 'warning', evidence: [16] },
    });

    // As of 9 Nov the ledger knew only the first three events.
    const earlier = await readAlignmentHealth(db, { asOf: new Date(at('11-09T00:00:00')), now: new Date() });
    const ok = { status: 'ok', evidence: [] };
    expect(earlier).toMatchObject({
      salesBlindsided: ok,
      strategyNotShared: ok,
      objectionsUnheard: ok,
      noSharedCelebration: ok,
      blameGame: ok,
      huddleCadence: { status: 'warning', evidence: [] },
    });
    await store.close();
  });
});
