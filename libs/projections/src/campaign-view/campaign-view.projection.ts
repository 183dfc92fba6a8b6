import type { CampaignEvent, DealEvent } from '#domain';
import type { RecordedEvent, SqlQueryable } from '#event-store';
import type { Projection, TableName } from '../runner/projection.js';
import { type FactMap, factsOf, mappedTypes } from '../shared/fact-map.js';

export type CampaignFactKind = 'proposed' | 'reviewed' | 'launched' | 'acknowledged' | 'blindside' | 'ended';

/** A row of rm_campaign_facts, or of rm_campaign_deals for a won deal citing the campaign. */
type CampaignRow =
  | { table: 'facts'; campaignId: string; kind: CampaignFactKind; personId: string; detail: object }
  | { table: 'deals'; campaignId: string; dealId: string; amount: number; closedAt: string };

const fact = (campaignId: string, kind: CampaignFactKind, personId: string, detail: object = {}) => [
  { table: 'facts' as const, campaignId, kind, personId, detail },
];

const campaignFacts: FactMap<CampaignEvent | DealEvent, CampaignRow> = {
  CampaignProposed: ({ data }) => fact(data.campaignId, 'proposed', data.proposedBy, { name: data.name }),
  CampaignReviewed: ({ data }) =>
    fact(data.campaignId, 'reviewed', data.reviewedBy, { verdict: data.verdict, reasons: data.reasons }),
  CampaignLaunched: ({ data }) =>
    fact(data.campaignId, 'launched', data.launchedBy, {
      name: data.name,
      reviewedBySales: data.reviewedBySales,
      salesRosterSize: data.salesRosterSize,
    }),
  BriefingAcknowledged: ({ data }) => fact(data.campaignId, 'acknowledged', data.acknowledgedBy),
  BlindsideReported: ({ data }) =>
    fact(data.campaignId, 'blindside', data.reportedBy, { customerReference: data.customerReference }),
  CampaignEnded: ({ data }) => fact(data.campaignId, 'ended', data.endedBy),
  DealRecorded: ({ data }) =>
    data.outcome !== 'won'
      ? []
      : [...new Set(data.campaignIds)].map((campaignId) => ({
          table: 'deals' as const,
          campaignId,
          dealId: data.dealId,
          amount: data.amount,
          closedAt: data.closedAt,
        })),
};

/**
 * One row per campaign fact (proposed, reviewed, launched, acknowledged,
 * blindside, ended) and per won deal that cites it, each with its business
 * and knowledge time, so the view can be read as of any moment. Alignment
 * health reads the campaign facts too.
 */
export const campaignViewProjection: Projection = {
  name: 'campaign-view',
  version: 2,
  tables: ['rm_campaign_facts', 'rm_campaign_deals'],
  eventTypes: mappedTypes(campaignFacts),

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
    for (const recorded of events) {
      for (const row of factsOf(campaignFacts, recorded)) await insertRow(tx, recorded, row, t);
    }
  },
};

const insertRow = async (tx: SqlQueryable, recorded: RecordedEvent, row: CampaignRow, t: TableName) => {
  const { occurredAt, recordedAt } = recorded.metadata;
  if (row.table === 'facts') {
    await tx.query(
      `INSERT INTO ${t('rm_campaign_facts')} (position, campaign_id, kind, person_id, detail, occurred_at, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        recorded.globalPosition,
        row.campaignId,
        row.kind,
        row.personId,
        JSON.stringify(row.detail),
        occurredAt,
        recordedAt,
      ],
    );
    return;
  }
  await tx.query(
    `INSERT INTO ${t('rm_campaign_deals')} (deal_id, campaign_id, amount, closed_at, recorded_at) VALUES ($1, $2, $3, $4, $5)`,
    [row.dealId, row.campaignId, row.amount, row.closedAt, recordedAt],
  );
};
