import { type CampaignEvent, type DealEvent, upcastStored } from '#domain';
import type { RecordedEvent, SqlQueryable } from '#event-store';
import type { Projection, TableName } from '../runner/projection.js';

/**
 * One row per campaign fact (proposed, reviewed, launched, acknowledged,
 * blindside, ended) and per won deal that cites it, each with its business
 * and knowledge time, so the view can be read as of any moment.
 */
export const campaignViewProjection: Projection = {
  name: 'campaign-view',
  version: 2,
  tables: ['rm_campaign_facts', 'rm_campaign_deals'],
  eventTypes: [
    'CampaignProposed',
    'CampaignReviewed',
    'CampaignLaunched',
    'BriefingAcknowledged',
    'BlindsideReported',
    'CampaignEnded',
    'DealRecorded',
  ],

  async createTables(db, t) {
    await db.query(`CREATE TABLE ${t('rm_campaign_facts')} (
      position bigint PRIMARY KEY,
      campaign_id text NOT NULL,
      kind text NOT NULL,
      person_id text,
      detail jsonb NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL
    )`);
    await db.query(`CREATE INDEX ON ${t('rm_campaign_facts')} (campaign_id, recorded_at)`);
    await db.query(`CREATE INDEX ON ${t('rm_campaign_facts')} (kind, occurred_at)`);
    await db.query(`CREATE TABLE ${t('rm_campaign_deals')} (
      deal_id text NOT NULL,
      campaign_id text NOT NULL,
      amount bigint NOT NULL,
      closed_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (deal_id, campaign_id)
    )`);
  },

  async apply(tx, events, t) {
    for (const event of events) await applyOne(tx, event, t);
  },
};

interface CampaignFact {
  campaignId: string;
  kind: string;
  personId: string;
  detail: object;
}

/** The row a campaign event becomes; null for deals, which go to their own table. */
const campaignFactOf = (event: CampaignEvent | DealEvent): CampaignFact | null => {
  switch (event.type) {
    case 'CampaignProposed':
      return {
        campaignId: event.data.campaignId,
        kind: 'proposed',
        personId: event.data.proposedBy,
        detail: { name: event.data.name },
      };
    case 'CampaignReviewed':
      return {
        campaignId: event.data.campaignId,
        kind: 'reviewed',
        personId: event.data.reviewedBy,
        detail: { verdict: event.data.verdict, reasons: event.data.reasons },
      };
    case 'CampaignLaunched':
      return {
        campaignId: event.data.campaignId,
        kind: 'launched',
        personId: event.data.launchedBy,
        detail: {
          name: event.data.name,
          reviewedBySales: event.data.reviewedBySales,
          salesRosterSize: event.data.salesRosterSize,
        },
      };
    case 'BriefingAcknowledged':
      return {
        campaignId: event.data.campaignId,
        kind: 'acknowledged',
        personId: event.data.acknowledgedBy,
        detail: {},
      };
    case 'BlindsideReported':
      return {
        campaignId: event.data.campaignId,
        kind: 'blindside',
        personId: event.data.reportedBy,
        detail: { customerReference: event.data.customerReference },
      };
    case 'CampaignEnded':
      return { campaignId: event.data.campaignId, kind: 'ended', personId: event.data.endedBy, detail: {} };
    case 'DealRecorded':
      return null;
  }
};

const applyOne = async (tx: SqlQueryable, recorded: RecordedEvent, t: TableName): Promise<void> => {
  const event = upcastStored(recorded) as CampaignEvent | DealEvent;
  const fact = campaignFactOf(event);
  if (fact) {
    await tx.query(
      `INSERT INTO ${t('rm_campaign_facts')} (position, campaign_id, kind, person_id, detail, occurred_at, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        recorded.globalPosition,
        fact.campaignId,
        fact.kind,
        fact.personId,
        JSON.stringify(fact.detail),
        recorded.metadata.occurredAt,
        recorded.metadata.recordedAt,
      ],
    );
    return;
  }
  if (event.type !== 'DealRecorded' || event.data.outcome !== 'won') return;
  for (const campaignId of new Set(event.data.campaignIds)) {
    await tx.query(
      `INSERT INTO ${t('rm_campaign_deals')} (deal_id, campaign_id, amount, closed_at, recorded_at) VALUES ($1, $2, $3, $4, $5)`,
      [event.data.dealId, campaignId, event.data.amount, event.data.closedAt, recorded.metadata.recordedAt],
    );
  }
};
