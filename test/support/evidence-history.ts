import type { TestApp } from './test-app.js';

/**
 * A quarter of sales and marketing (2026-Q3, most of it in September: weeks W36–W38), posted over HTTP,
 * and a few facts of the current month. T0 is an instant after all of that was recorded; the "late" facts
 * are recorded after T0 with business times in September, so the scorecard as of T0 differs from now.
 */
export interface EvidenceHistory {
  /** Recorded after the main history, before every late fact. */
  t0: string;
  /** The month holding the "current" facts (the month the history was built in), `YYYY-MM`. */
  currentMonth: string;
  /** The position of the last event written. */
  head: number;
  /** Global positions of some late facts (recorded after T0). */
  late: { dealWon: number; followUpOfLeadE: number; completionOfAi3: number };
  /** Global positions of facts recorded before T0 that the late facts reclassify. */
  before: { handOffLeadE: number; huddleW37: number };
}

const sep = (dayTime: string) => `2026-09-${dayTime}:00Z`;
const aug = (dayTime: string) => `2026-08-${dayTime}:00Z`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const joint = [
  { personId: 'mia', team: 'marketing' },
  { personId: 'sam', team: 'sales' },
];
const salesOnly = [
  { personId: 'sam', team: 'sales' },
  { personId: 'ana', team: 'sales' },
];
const brief = (launchedBy: string) => ({
  name: 'Autumn bundle',
  offer: 'Two months free',
  channels: ['email'],
  audience: 'Mid-market customers',
  talkingPoints: ['Price locked for a year'],
  launchedBy,
});
const huddle = (
  heldAt: string,
  attendees: object[],
  items: [string, string][],
  notWorking: string[] = [],
) => ({
  heldAt,
  attendees,
  numbersReviewed: true,
  working: ['Webinar leads convert well'],
  notWorking,
  objectionCategoriesDiscussed: ['price'],
  actionItems: items.map(([actionItemId, dueDate]) => ({
    actionItemId,
    description: 'Publish the updated pricing sheet',
    owner: 'noor',
    dueDate,
  })),
});
const deal = (outcome: 'won' | 'lost', amount: number, closedAt: string, extra: object = {}) => ({
  outcome,
  amount,
  currency: 'EUR',
  closedAt,
  owner: 'sam',
  ...extra,
});

export const buildEvidenceHistory = async (t: TestApp): Promise<EvidenceHistory> => {
  let head = 0;
  const post = async (path: string, body: object): Promise<number> => {
    const response = await t.http().post(path).send(body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${response.text}`);
    head = Math.max(head, response.body.globalPosition as number);
    return response.body.globalPosition as number;
  };
  const start = new Date();
  const now = start.toISOString();
  const currentMonth = now.slice(0, 7);

  for (const [id, team] of Object.entries({
    mia: 'marketing',
    noor: 'marketing',
    sam: 'sales',
    ana: 'sales',
    lee: 'sales',
  })) {
    await post(`/v1/team-members/${id}/register`, {
      displayName: `Name ${id}`,
      team,
      occurredAt: '2026-06-01T08:00:00Z',
    });
  }
  // Goals: September has an 8 h lead SLA, the quarter and the weeks the default 24 h.
  await post('/v1/shared-goals/2026-09/set', {
    revenueTarget: 50_000_000,
    currency: 'EUR',
    leadFollowUpSlaHours: 8,
    setBy: 'mia',
    occurredAt: aug('25T08:00'),
  });
  await post('/v1/shared-goals/2026-Q3/set', {
    revenueTarget: 150_000_000,
    currency: 'EUR',
    setBy: 'sam',
    occurredAt: aug('01T08:00'),
  });

  // Campaigns: autumn reviewed before its launch, the others not; summer in August, one on Mon 31 Aug (W36).
  const { launchedBy: _, ...proposal } = brief('mia');
  await post('/v1/campaigns/autumn/propose', {
    ...proposal,
    plannedLaunchDate: '2026-09-08',
    proposedBy: 'mia',
    occurredAt: sep('01T09:00'),
  });
  await post('/v1/campaigns/autumn/review', {
    reviewedBy: 'sam',
    verdict: 'endorse',
    reasons: 'Customers asked for a bundle',
    occurredAt: sep('02T09:00'),
  });
  await post('/v1/campaigns/autumn/launch', { ...brief('mia'), occurredAt: sep('08T09:00') });
  await post('/v1/campaigns/autumn/acknowledge-briefing', {
    acknowledgedBy: 'ana',
    occurredAt: sep('08T10:00'),
  });
  await post('/v1/campaigns/flash/launch', { ...brief('noor'), occurredAt: sep('09T09:00') });
  await post('/v1/campaigns/summer/launch', { ...brief('noor'), occurredAt: aug('12T09:00') });
  await post('/v1/campaigns/back-to-school/launch', { ...brief('mia'), occurredAt: aug('31T09:00') });
  await post('/v1/campaigns/spring-promo/report-blindside', {
    reportedBy: 'lee',
    customerReference: 'globex',
    note: 'Globex asked about a promo none of us had heard of',
    occurredAt: sep('09T14:00'),
  });

  // Leads: a within both SLAs; b answered after 12 h (breached in September, within 24 h); c never answered.
  await post('/v1/leads/lead-a/hand-off', {
    handedOffBy: 'mia',
    assignedTo: 'sam',
    sourceCampaignId: 'autumn',
    occurredAt: sep('08T09:00'),
  });
  await post('/v1/leads/lead-a/follow-up', {
    followedUpBy: 'sam',
    channel: 'phone',
    occurredAt: sep('08T11:00'),
  });
  await post('/v1/leads/lead-a/accept', { decidedBy: 'sam', occurredAt: sep('08T12:00') });
  await post('/v1/leads/lead-b/hand-off', {
    handedOffBy: 'noor',
    assignedTo: 'ana',
    occurredAt: sep('08T10:00'),
  });
  await post('/v1/leads/lead-b/follow-up', {
    followedUpBy: 'ana',
    channel: 'email',
    occurredAt: sep('08T22:00'),
  });
  await post('/v1/leads/lead-b/reject', {
    decidedBy: 'ana',
    reasonCode: 'no-budget',
    reasonText: 'Budget frozen until next year',
    occurredAt: sep('09T10:00'),
  });
  await post('/v1/leads/lead-c/hand-off', {
    handedOffBy: 'noor',
    assignedTo: 'lee',
    occurredAt: sep('09T09:00'),
  });
  await post('/v1/leads/lead-d/hand-off', {
    handedOffBy: 'mia',
    assignedTo: 'sam',
    occurredAt: aug('31T09:00'),
  });
  await post('/v1/leads/lead-d/follow-up', {
    followedUpBy: 'sam',
    channel: 'phone',
    occurredAt: aug('31T10:00'),
  });
  await post('/v1/leads/lead-d/accept', { decidedBy: 'sam', occurredAt: aug('31T11:00') });
  const handOffLeadE = await post('/v1/leads/lead-e/hand-off', {
    handedOffBy: 'mia',
    assignedTo: 'ana',
    occurredAt: sep('15T09:00'),
  });

  // Deals: won with and without a campaign, lost with a blaming and a plain reason.
  await post(
    '/v1/deals/deal-1/record',
    deal('won', 3_000_000, sep('10T15:00'), { campaignIds: ['autumn'], leadId: 'lead-a' }),
  );
  await post('/v1/deals/deal-2/record', deal('won', 2_000_000, sep('11T15:00')));
  await post(
    '/v1/deals/deal-3/record',
    deal('lost', 1_000_000, sep('11T16:00'), { lossReason: 'Dave dropped the ball on the Acme renewal.' }),
  );
  await post('/v1/deals/deal-4/record', deal('won', 4_000_000, aug('20T15:00'), { campaignIds: ['summer'] }));
  await post(
    '/v1/deals/deal-5/record',
    deal('lost', 500_000, aug('31T15:00'), { lossReason: 'Chose the incumbent after a price match' }),
  );

  // Objections, one of them blaming (flagged, not refused).
  await post('/v1/objections/obj-1/log', {
    category: 'price',
    text: 'They pay less with the incumbent',
    heardBy: 'sam',
    occurredAt: sep('09T11:00'),
  });
  await post('/v1/objections/obj-2/log', {
    category: 'competitor',
    text: 'Marketing keeps sending us junk leads that only care about price',
    heardBy: 'ana',
    occurredAt: sep('10T11:00'),
  });
  await post('/v1/objections/obj-3/log', {
    category: 'timing',
    text: 'They plan to buy next year',
    heardBy: 'lee',
    occurredAt: aug('31T12:00'),
  });

  // Huddles: W37 joint with three items (one done, one overdue, one done late) and a blaming note; one of sales only.
  const huddleW37 = await post(
    '/v1/huddles/h-w37/hold',
    huddle(
      sep('10T10:00'),
      joint,
      [
        ['ai-1', '2026-09-12'],
        ['ai-2', '2026-09-14'],
        ['ai-3', '2026-09-20'],
      ],
      ['Sales never follows up on the leads we send them.'],
    ),
  );
  await post('/v1/huddles/h-w37/action-items/ai-1/complete', {
    completedBy: 'noor',
    occurredAt: sep('11T10:00'),
  });
  await post('/v1/huddles/h-sales/hold', huddle(sep('11T10:00'), salesOnly, []));
  await post('/v1/huddles/h-aug/hold', huddle(aug('20T10:00'), joint, [['ai-aug', '2026-08-25']]));
  await post('/v1/huddles/h-aug/action-items/ai-aug/complete', {
    completedBy: 'noor',
    occurredAt: aug('24T10:00'),
  });

  // A retro whose close opens two items: one done, one overdue.
  await post('/v1/retros/retro-autumn/open', {
    subject: { kind: 'campaign', campaignId: 'autumn' },
    facilitator: 'noor',
    occurredAt: sep('12T09:00'),
  });
  await post('/v1/retros/retro-autumn/close', {
    closedBy: 'noor',
    actionItems: [
      {
        actionItemId: 'r-1',
        description: 'Send pricing sheets a week early',
        owner: 'mia',
        dueDate: '2026-09-15',
      },
      {
        actionItemId: 'r-2',
        description: 'Invite sales to the launch review',
        owner: 'mia',
        dueDate: '2026-09-16',
      },
    ],
    occurredAt: sep('13T09:00'),
  });
  await post('/v1/retros/retro-autumn/action-items/r-1/complete', {
    completedBy: 'mia',
    occurredAt: sep('14T09:00'),
  });

  // Celebrations: one joint, one of sales only.
  await post('/v1/celebrations/cel-1/celebrate', {
    subject: { kind: 'deals', dealIds: ['deal-1'] },
    attendees: joint,
    occurredAt: sep('11T17:00'),
  });
  await post('/v1/celebrations/cel-2/celebrate', {
    subject: { kind: 'deals', dealIds: ['deal-2'] },
    attendees: salesOnly,
    occurredAt: sep('12T17:00'),
  });

  // The current month: recent facts for the alignment health signs, a pending lead, an item not due yet.
  await post('/v1/campaigns/stealth/launch', { ...brief('mia'), occurredAt: now });
  await post('/v1/campaigns/stealth/report-blindside', {
    reportedBy: 'lee',
    customerReference: 'initech',
    note: 'Initech quoted an offer I had not seen',
    occurredAt: now,
  });
  await post('/v1/objections/obj-now/log', {
    category: 'price',
    text: "Marketing's junk leads wasted my whole week.",
    heardBy: 'sam',
    occurredAt: now,
  });
  await post('/v1/leads/lead-now/hand-off', { handedOffBy: 'mia', assignedTo: 'sam', occurredAt: now });
  await post('/v1/deals/deal-now/record', deal('lost', 700_000, now));
  await post(
    '/v1/huddles/h-now/hold',
    huddle(
      now,
      [
        { personId: 'mia', team: 'marketing' },
        { personId: 'noor', team: 'marketing' },
      ],
      [['ai-now', '2199-01-01']],
    ),
  );

  await sleep(20);
  const t0 = new Date().toISOString();
  await sleep(20);

  // Late: recorded after T0, business time in September (W38).
  const dealWon = await post(
    '/v1/deals/deal-late/record',
    deal('won', 1_500_000, sep('16T15:00'), { campaignIds: ['autumn'] }),
  );
  const followUpOfLeadE = await post('/v1/leads/lead-e/follow-up', {
    followedUpBy: 'ana',
    channel: 'phone',
    occurredAt: sep('15T10:00'),
  });
  await post('/v1/leads/lead-f/hand-off', {
    handedOffBy: 'noor',
    assignedTo: 'lee',
    occurredAt: sep('16T09:00'),
  });
  await post('/v1/leads/lead-f/follow-up', {
    followedUpBy: 'lee',
    channel: 'email',
    occurredAt: sep('17T15:00'),
  });
  await post('/v1/leads/lead-f/reject', {
    decidedBy: 'lee',
    reasonCode: 'wrong-fit',
    reasonText: 'Too small for the product',
    occurredAt: sep('17T16:00'),
  });
  const completionOfAi3 = await post('/v1/huddles/h-w37/action-items/ai-3/complete', {
    completedBy: 'noor',
    occurredAt: sep('18T10:00'),
  });
  await post('/v1/huddles/h-late/hold', huddle(sep('16T10:00'), joint, [['ai-late', '2026-09-30']]));
  await post('/v1/campaigns/late-launch/launch', { ...brief('noor'), occurredAt: sep('15T09:00') });
  await post('/v1/campaigns/flash/report-blindside', {
    reportedBy: 'ana',
    customerReference: 'hooli',
    note: 'Hooli mentioned the flash sale first',
    occurredAt: sep('15T14:00'),
  });
  await post('/v1/objections/obj-late/log', {
    category: 'price',
    text: "Marketing's junk leads wasted my whole week.",
    heardBy: 'lee',
    occurredAt: sep('15T11:00'),
  });
  await post('/v1/celebrations/cel-late/celebrate', {
    subject: { kind: 'deals', dealIds: ['deal-late'] },
    attendees: joint,
    occurredAt: sep('17T17:00'),
  });

  return {
    t0,
    currentMonth,
    head,
    late: { dealWon, followUpOfLeadE, completionOfAi3 },
    before: { handOffLeadE, huddleW37 },
  };
};
