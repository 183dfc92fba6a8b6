import { randomUUID } from 'node:crypto';
import { schemaVersionOf } from '#domain';
import { type JsonObject, type NewEvent, PostgresEventStore, type SqlDatabase, anyState } from '#event-store';

const YEAR_MS = 365 * 86_400_000;
const CATEGORIES = ['price', 'timing', 'competitor', 'feature-gap', 'integration', 'trust', 'other'];
const sales = (n: number) => ({ personId: `rep-${n % 12}`, team: 'sales' });
const marketing = (n: number) => ({ personId: `mkt-${n % 6}`, team: 'marketing' });
const month = (at: string) => at.slice(0, 7);

/**
 * Event i of a year of two teams' work, spread evenly over the year, in a
 * fixed mix: a third objections, the rest leads, deals, campaigns with their
 * briefings, huddles and their action items, celebrations, content, goals, retros.
 */
export const mixedEvent = (i: number, total: number, start: number): { event: NewEvent; at: number } => {
  const at = start + Math.floor((i / total) * YEAR_MS);
  const occurredAt = new Date(at).toISOString();
  const flag = i % 37 === 0;
  const [type, data] = ((): [string, JsonObject] => {
    switch (i % 20) {
      case 6:
        return [
          'LeadHandedOff',
          { leadId: `l-${i}`, handedOffBy: 'mkt-1', assignedTo: 'rep-1', sourceCampaignId: null },
        ];
      case 7:
        return ['LeadFollowedUp', { leadId: `l-${i - 21}`, followedUpBy: 'rep-1', channel: 'phone' }];
      case 8:
        return i % 3 === 0
          ? ['LeadAccepted', { leadId: `l-${i - 42}`, decidedBy: 'rep-1' }]
          : [
              'LeadRejected',
              {
                leadId: `l-${i - 42}`,
                decidedBy: 'rep-1',
                reasonCode: 'no-budget',
                reasonText: 'Budget',
                blameFlag: flag,
              },
            ];
      case 9:
        return [
          'DealRecorded',
          {
            dealId: `d-${i}`,
            outcome: i % 3 === 0 ? 'lost' : 'won',
            amount: 10_000 + (i % 97) * 100,
            currency: 'EUR',
            closedAt: occurredAt,
            owner: 'rep-2',
            leadId: null,
            campaignIds: i % 2 === 0 ? [`c-${i - 19}`] : [],
            objectionCategories: [],
            lossReason: null,
            blameFlag: flag,
          },
        ];
      case 10:
        return [
          'CampaignLaunched',
          {
            campaignId: `c-${i}`,
            name: 'Push',
            launchedBy: 'mkt-1',
            reviewedBySales: i % 3 !== 0,
            salesRosterSize: 12,
          },
        ];
      case 11:
      case 12:
        return [
          'BriefingAcknowledged',
          { campaignId: `c-${i - (i % 20) + 10}`, acknowledgedBy: sales(i).personId },
        ];
      case 13:
        return [
          'BlindsideReported',
          {
            campaignId: `c-${i - 3}`,
            reportedBy: 'rep-3',
            customerReference: 'acme',
            note: 'n',
            blameFlag: flag,
          },
        ];
      case 14:
        return [
          'HuddleHeld',
          {
            huddleId: `h-${i}`,
            heldAt: occurredAt,
            attendees: i % 4 === 0 ? [sales(i)] : [sales(i), marketing(i)],
            numbersReviewed: true,
            working: [],
            notWorking: [],
            objectionCategoriesDiscussed: [],
            actionItems: [
              {
                actionItemId: 'a1',
                description: 'Follow up',
                owner: 'mkt-1',
                dueDate: occurredAt.slice(0, 10),
              },
            ],
            blameFlag: flag,
          },
        ];
      case 15:
        return ['ActionItemCompleted', { huddleId: `h-${i - 21}`, actionItemId: 'a1', completedBy: 'mkt-1' }];
      case 16:
        return [
          'WinCelebrated',
          {
            celebrationId: `w-${i}`,
            subject: { kind: 'deals', dealIds: [`d-${i - 7}`] },
            attendees: [sales(i), marketing(i)],
          },
        ];
      case 17:
        return i % 40 === 17
          ? [
              'ContentPublished',
              {
                contentId: `k-${i}`,
                category: CATEGORIES[i % 7],
                title: 'Answer',
                url: 'https://x.example',
                publishedBy: 'mkt-2',
              },
            ]
          : ['ContentWithdrawn', { contentId: `k-${i - 20}`, withdrawnBy: 'mkt-2' }];
      case 18:
        return [
          'SharedGoalSet',
          {
            period: month(occurredAt),
            revenueTarget: 5_000_000,
            currency: 'EUR',
            leadFollowUpSlaHours: 4,
            setBy: 'mkt-1',
            revision: 1,
          },
        ];
      case 19:
        return [
          'RetroClosed',
          {
            retroId: `r-${i}`,
            closedBy: 'mkt-1',
            actionItems: [
              { actionItemId: 'a1', description: 'd', owner: 'mkt-1', dueDate: occurredAt.slice(0, 10) },
            ],
            blameFlag: flag,
          },
        ];
      default:
        return [
          'ObjectionLogged',
          {
            objectionId: `o-${i}`,
            category: CATEGORIES[(i * 7 + Math.floor(i / 1_000)) % 7],
            text: 'heard',
            heardBy: 'rep-4',
            dealId: null,
            campaignId: null,
            blameFlag: flag,
          },
        ];
    }
  })();
  const metadata = {
    commandId: `bench-${i}`,
    correlationId: 'bench',
    causationId: 'bench',
    actor: null,
    occurredAt,
  };
  return { event: { eventId: randomUUID(), type, schemaVersion: schemaVersionOf(type), data, metadata }, at };
};

/**
 * A store holding `count` mixed events, appended 1,000 an append with the
 * knowledge time spread over the year as well, so as-of queries cut it.
 */
export const storeWithMixedHistory = async (
  db: SqlDatabase,
  count: number,
  start: number,
): Promise<PostgresEventStore> => {
  let now = start;
  const store = await PostgresEventStore.open(db, { now: () => new Date(now) });
  for (let i = 0; i < count; i += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, count - i) }, (_, k) =>
      mixedEvent(i + k, count, start),
    );
    now = batch[0].at;
    await store.append({
      streamId: `bench-${i}`,
      events: batch.map((b) => b.event),
      expectedState: anyState,
      command: { commandId: `bulk-${i}`, fingerprint: 'f' },
    });
  }
  return store;
};
