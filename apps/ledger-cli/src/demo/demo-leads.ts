import { call } from './demo-call.js';
import { DEMO_WEEKS, iso, plusHours } from './demo-clock.js';
import { type DemoContext, type RejectionReason, liveCampaigns, teamIn, two } from './demo-context.js';
import { REJECTION_TEXTS } from './demo-texts.js';

const CHANNELS = ['phone', 'phone', 'email', 'email', 'meeting', 'social'] as const;
const REASONS: readonly RejectionReason[] = [
  'no-budget',
  'no-budget',
  'wrong-fit',
  'bad-timing',
  'no-need',
  'no-authority',
  'duplicate',
  'other',
];

/** The weeks whose unanswered leads partly turn out answered in time, once the call log is imported late. */
const LATE_FOLLOW_UP_WEEKS = { from: 3, to: 6 };

interface Lead {
  leadId: string;
  week: number;
  handedOffAt: Date;
  assignedTo: string;
  source: string | null;
}

/** What becomes of a lead's first follow-up. */
type Outcome = 'in-time' | 'late' | 'never' | 'recorded-late';

/**
 * A week's outcomes, dealt from a shuffled deck so that each week's SLA
 * compliance stays plausible: one lead late, one never followed up; in the
 * weeks of the late call-log import, two more answered in time but entered late.
 */
const outcomes = (context: DemoContext, week: number, count: number): Outcome[] => {
  const { from, to } = LATE_FOLLOW_UP_WEEKS;
  const special: Outcome[] = [
    'late',
    'never',
    ...(week >= from && week <= to ? (['recorded-late', 'recorded-late'] as const) : []),
  ];
  const deck = [...special, ...Array.from({ length: count - special.length }, (): Outcome => 'in-time')];
  return context.dice.sample(deck, deck.length);
};

/** Hours to the first follow-up in time: within the day, but a Friday afternoon handoff often waits for Monday. */
const inTimeDelay = (context: DemoContext, handedOffAt: Date): number => {
  const fridayAfternoon = handedOffAt.getUTCDay() === 5 && handedOffAt.getUTCHours() >= 14;
  return fridayAfternoon && context.dice.chance(0.6) ? context.dice.int(64, 68) : context.dice.int(1, 40) / 2;
};

const reject = (context: DemoContext, lead: Lead, at: Date, reasonCode: RejectionReason, late: boolean) => {
  const { assignedTo: decidedBy, leadId } = lead;
  const body = { decidedBy, reasonCode, reasonText: REJECTION_TEXTS[reasonCode], occurredAt: iso(at) };
  (late ? context.late : context.bulk).push({
    at,
    call: call('/v1/leads/{leadId}/reject', { leadId }, body),
  });
};

/** Sales' decision a few hours to two days later: accepted, rejected with a reason, or still open. */
const decide = (context: DemoContext, lead: Lead, after: Date, late: boolean) => {
  const { leadId, assignedTo: decidedBy } = lead;
  const at = plusHours(after, context.dice.int(2, 48));
  const roll = context.dice.next();
  if (roll < 0.55) {
    const accept = call('/v1/leads/{leadId}/accept', { leadId }, { decidedBy, occurredAt: iso(at) });
    (late ? context.late : context.bulk).push({ at, call: accept });
    // Only leads accepted in the bulk become deals: the late ones were entered after the deals closed.
    if (!late)
      context.acceptedLeads.push({ leadId, acceptedAt: at, assignedTo: decidedBy, campaignId: lead.source });
  } else if (roll < 0.8) reject(context, lead, at, context.dice.pick(REASONS), late);
};

const followUp = (context: DemoContext, lead: Lead, at: Date, late: boolean) => {
  const body = { followedUpBy: lead.assignedTo, channel: context.dice.pick(CHANNELS), occurredAt: iso(at) };
  const followed = call('/v1/leads/{leadId}/follow-up', { leadId: lead.leadId }, body);
  (late ? context.late : context.bulk).push({ at, call: followed });
  decide(context, lead, at, late);
};

/** A lead's life after the handoff: the follow-up (in time, late, entered late, or never) and sales' decision. */
const afterHandoff = (context: DemoContext, lead: Lead, outcome: Outcome) => {
  const after = (hours: number) => plusHours(lead.handedOffAt, hours);
  switch (outcome) {
    case 'in-time':
      return followUp(context, lead, after(inTimeDelay(context, lead.handedOffAt)), false);
    case 'late':
      return followUp(context, lead, after(context.dice.int(26, 70)), false);
    case 'recorded-late':
      // The rep did call within the day, from a phone whose call log reached the CRM weeks later.
      return followUp(context, lead, after(context.dice.int(2, 20)), true);
    case 'never':
      // Some are turned down once the contact data proves wrong.
      if (context.dice.chance(0.5)) {
        const reason = context.dice.pick(['bad-contact-data', 'duplicate'] as const);
        reject(context, lead, after(30), reason, false);
      }
  }
};

/** Nine to thirteen leads a week handed from marketing to sales, most from a live campaign. */
export const runLeads = (context: DemoContext): void => {
  const { dice, clock } = context;
  for (let week = 0; week < DEMO_WEEKS; week += 1) {
    const count = dice.int(9, 13);
    const dealt = outcomes(context, week, count);
    for (let i = 1; i <= count; i += 1) {
      const handedOffAt = clock.at(week, dice.int(0, 4), dice.int(9, 17), dice.int(0, 59));
      const leadId = `lead-w${two(week)}-${two(i)}`;
      const live = liveCampaigns(context, handedOffAt);
      const source = live.length > 0 && dice.chance(0.7) ? dice.pick(live).campaignId : null;
      const lead = {
        leadId,
        week,
        handedOffAt,
        assignedTo: dice.pick(teamIn(context, 'sales', week)),
        source,
      };
      const body = {
        handedOffBy: dice.pick(teamIn(context, 'marketing', week)),
        assignedTo: lead.assignedTo,
        ...(source === null ? {} : { sourceCampaignId: source }),
        occurredAt: iso(handedOffAt),
      };
      context.bulk.push({ at: handedOffAt, call: call('/v1/leads/{leadId}/hand-off', { leadId }, body) });
      afterHandoff(context, lead, dealt[i - 1]);
    }
  }
};
