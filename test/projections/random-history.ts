import fc from 'fast-check';
import type { JsonObject } from '#event-store';
import type { HistoryEntry } from './project-history.js';

const kinds = [
  'goal',
  'deal',
  'handoff',
  'follow-up',
  'decide',
  'launch',
  'ack',
  'blindside',
  'objection',
  'content',
  'huddle',
  'complete',
  'retro',
  'celebrate',
] as const;

export interface HistoryStep {
  kind: (typeof kinds)[number];
  /** Which lead, campaign, content or goal period. */
  a: number;
  /** Which rep, category, amount, SLA, number of action items … */
  b: number;
  /** Won, accepted, reviewed, joint, withdrawn … */
  flag: boolean;
  /** How far business time lies before the recording. */
  backHours: number;
  /** Hours since the previous recording. */
  gapHours: number;
}

export const historySteps: fc.Arbitrary<HistoryStep[]> = fc.array(
  fc.record({
    kind: fc.constantFrom(...kinds),
    a: fc.nat(3),
    b: fc.nat(11),
    flag: fc.boolean(),
    backHours: fc.nat(200),
    gapHours: fc.nat(40),
  }),
  { minLength: 15, maxLength: 40, size: 'max' },
);

const HOUR = 3_600_000;
const categories = ['price', 'timing', 'competitor', 'trust'];
const sales = (personId: string) => ({ personId, team: 'sales' });
const marketing = (personId: string) => ({ personId, team: 'marketing' });

/**
 * Turns random steps into a history the domain could have written: leads are
 * handed off before they are followed up or decided, campaigns launched once and
 * acknowledged once per rep, content withdrawn only while live, action items
 * completed once. Business time may be backdated up to ~8 days, never ahead of
 * the recording.
 */
export const historyOf = (steps: readonly HistoryStep[], start: number): HistoryEntry[] => {
  const goals = new Map<string, number>();
  const leads = new Map<string, 'handed-off' | 'decided'>();
  const launched = new Set<string>();
  const acks = new Set<string>();
  const content = new Map<string, 'live' | 'withdrawn'>();
  const openItems: { type: string; data: JsonObject }[] = [];
  const entries: HistoryEntry[] = [];
  let recorded = start;
  steps.forEach((s, i) => {
    recorded += s.gapHours * HOUR;
    const occurredAt = new Date(recorded - s.backHours * HOUR).toISOString();
    const push = (type: string, data: JsonObject) =>
      entries.push({ type, data, occurredAt, recordedAt: new Date(recorded).toISOString() });
    const blameFlag = s.b % 4 === 0;
    const items = (owner: string) =>
      Array.from({ length: s.b % 3 }, (_, n) => ({
        actionItemId: `i${n}`,
        description: 'Do it',
        owner,
        dueDate: new Date(recorded + (s.b - 4) * 24 * HOUR).toISOString().slice(0, 10),
      }));
    const objection = () =>
      push('ObjectionLogged', {
        objectionId: `o${i}`,
        category: categories[s.b % 4],
        text: 'Too dear',
        heardBy: 'sam',
        dealId: null,
        campaignId: null,
        blameFlag,
      });
    const lead = `l${s.a}`;
    const campaign = `c${s.a}`;
    switch (s.kind) {
      case 'goal': {
        const period = ['2026-11', '2026-W46', '2026-Q4', '2026-12'][s.a];
        const revision = (goals.get(period) ?? 0) + 1;
        goals.set(period, revision);
        const sla = [4, 12, 24, 48][s.b % 4];
        return push('SharedGoalSet', {
          period,
          revenueTarget: (s.b + 1) * 1_000,
          currency: 'EUR',
          leadFollowUpSlaHours: sla,
          setBy: 'mia',
          revision,
        });
      }
      case 'deal':
        return push('DealRecorded', {
          dealId: `d${i}`,
          outcome: s.flag ? 'won' : 'lost',
          amount: (s.b + 1) * 100,
          currency: 'EUR',
          closedAt: occurredAt,
          owner: 'sam',
          leadId: null,
          campaignIds: s.b % 2 === 0 ? [campaign] : [],
          objectionCategories: [],
          lossReason: s.flag ? null : 'Lost',
          blameFlag,
        });
      case 'handoff':
      case 'follow-up':
      case 'decide': {
        const state = leads.get(lead);
        if (state === undefined) {
          leads.set(lead, 'handed-off');
          return push('LeadHandedOff', {
            leadId: lead,
            handedOffBy: 'mia',
            assignedTo: 'sam',
            sourceCampaignId: null,
          });
        }
        if (s.kind === 'decide' && state === 'handed-off') {
          leads.set(lead, 'decided');
          if (s.flag) return push('LeadAccepted', { leadId: lead, decidedBy: 'sam' });
          const reasonCode = ['no-budget', 'bad-fit', 'duplicate'][s.b % 3];
          return push('LeadRejected', {
            leadId: lead,
            decidedBy: 'sam',
            reasonCode,
            reasonText: 'No',
            blameFlag,
          });
        }
        return push('LeadFollowedUp', { leadId: lead, followedUpBy: 'sam', channel: 'email' });
      }
      case 'launch':
      case 'ack':
      case 'blindside': {
        const rep = `r${s.b % 4}`;
        if (!launched.has(campaign) && s.kind === 'launch') {
          launched.add(campaign);
          return push('CampaignLaunched', {
            campaignId: campaign,
            name: campaign,
            launchedBy: 'mia',
            reviewedBySales: s.flag,
            salesRosterSize: (s.b % 4) + 1,
          });
        }
        if (launched.has(campaign) && s.kind === 'ack' && !acks.has(`${campaign}/${rep}`)) {
          acks.add(`${campaign}/${rep}`);
          return push('BriefingAcknowledged', { campaignId: campaign, acknowledgedBy: rep });
        }
        return push('BlindsideReported', {
          campaignId: campaign,
          reportedBy: rep,
          customerReference: 'acme',
          note: 'Heard it first from the customer',
          blameFlag,
        });
      }
      case 'objection':
        return objection();
      case 'content': {
        const contentId = `k${s.a}`;
        const state = content.get(contentId);
        if (state === 'live' && s.flag) {
          content.set(contentId, 'withdrawn');
          return push('ContentWithdrawn', { contentId, withdrawnBy: 'mia' });
        }
        if (state !== undefined)
          return push('ContentPublished', {
            contentId: `k-more-${i}`, // never one of k0…k3
            category: categories[s.b % 4],
            title: 'More',
            url: 'https://x.example',
            publishedBy: 'mia',
          });
        content.set(contentId, 'live');
        return push('ContentPublished', {
          contentId,
          category: categories[s.b % 4],
          title: 'About it',
          url: 'https://x.example',
          publishedBy: 'mia',
        });
      }
      case 'huddle': {
        const huddleId = `h${i}`;
        const actionItems = items('mia');
        for (const item of actionItems)
          openItems.push({
            type: 'ActionItemCompleted',
            data: { huddleId, actionItemId: item.actionItemId },
          });
        return push('HuddleHeld', {
          huddleId,
          heldAt: occurredAt,
          attendees: s.flag ? [marketing('mia'), sales('sam')] : [sales('sam'), sales('ana')],
          numbersReviewed: true,
          working: [],
          notWorking: [],
          objectionCategoriesDiscussed: [],
          actionItems,
          blameFlag,
        });
      }
      case 'retro': {
        const retroId = `q${i}`;
        const actionItems = items('noor');
        for (const item of actionItems)
          openItems.push({
            type: 'RetroActionItemCompleted',
            data: { retroId, actionItemId: item.actionItemId },
          });
        return push('RetroClosed', { retroId, closedBy: 'noor', actionItems, blameFlag });
      }
      case 'complete': {
        if (openItems.length === 0) return objection();
        const [item] = openItems.splice(s.b % openItems.length, 1);
        return push(item.type, { ...item.data, completedBy: 'mia' });
      }
      case 'celebrate':
        return push('WinCelebrated', {
          celebrationId: `w${i}`,
          subject: { kind: 'goal', period: '2026-11' },
          attendees: s.flag ? [marketing('mia'), sales('sam')] : [marketing('mia')],
        });
    }
  });
  return entries;
};
