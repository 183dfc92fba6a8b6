import type { Response } from 'supertest';
import { type EvidenceHistory, buildEvidenceHistory } from '../support/evidence-history.js';
import { type TestApp, backends, startTestApp } from '../support/test-app.js';

/**
 * GET /v1/scorecards/{period}/late-facts?since=: the facts of a period's card that happened before an
 * instant and were recorded after it — checked against the log itself, read with the admin key.
 */
interface Stored {
  globalPosition: number;
  type: string;
  data: Record<string, unknown>;
  metadata: { occurredAt: string; recordedAt: string };
}
interface LateFact {
  position: number;
  kind: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
}

/** The event types a scorecard counts (README, "The scorecard"); the others never reach its card. */
const SCORED = new Set(
  [
    'DealRecorded',
    'LeadHandedOff',
    'LeadFollowedUp',
    'LeadAccepted',
    'LeadRejected',
    'CampaignLaunched',
  ].concat(
    ['BriefingAcknowledged', 'BlindsideReported', 'ObjectionLogged', 'HuddleHeld', 'ActionItemCompleted'],
    ['RetroClosed', 'RetroActionItemCompleted', 'WinCelebrated', 'SharedGoalSet'],
  ),
);
const businessTime = ({ type, data, metadata }: Stored): string =>
  String(type === 'DealRecorded' ? data.closedAt : type === 'HuddleHeld' ? data.heldAt : metadata.occurredAt);
const ms = (iso: string) => Date.parse(iso);

describe.each(backends)('facts recorded late (%s)', (backend) => {
  let t: TestApp;
  let h: EvidenceHistory;
  let log: Stored[];
  const ok = (r: Response) => {
    if (r.status !== 200) throw new Error(`${r.status} ${r.text}`);
    return r.body;
  };
  const late = (period: string, query: Record<string, string>) =>
    t.http().get(`/v1/scorecards/${period}/late-facts?${new URLSearchParams(query)}`);

  beforeAll(async () => {
    t = await startTestApp(backend);
    h = await buildEvidenceHistory(t);
    await t.http().get(`/v1/scorecards/2026-Q3?minPosition=${h.head}`);
    log = ok(await t.http().get('/v1/events?limit=1000')).events;
  }, 240_000);
  afterAll(() => t.close());

  /** What the log says came late for a period's card: scored, happened before `since`, recorded after it. */
  const expectedPositions = (period: { text: string; from: string; to: string }, since: string) =>
    log
      .filter(
        (e) => SCORED.has(e.type) && ms(businessTime(e)) < ms(since) && ms(e.metadata.recordedAt) > ms(since),
      )
      .filter((e) =>
        e.type === 'SharedGoalSet'
          ? e.data.period === period.text
          : ms(businessTime(e)) >= ms(period.from) && ms(businessTime(e)) < ms(period.to),
      )
      .map((e) => e.globalPosition);

  it('lists exactly the log’s scored events of the period that happened before since and came after it', async () => {
    for (const text of ['2026-W37', '2026-09', '2026-Q3']) {
      const card = ok(await t.http().get(`/v1/scorecards/${text}`));
      const answer = ok(await late(text, { since: h.t0 }));
      const positions = [...new Set((answer.events as LateFact[]).map((f) => f.position))];
      const expected = expectedPositions({ text, from: card.from, to: card.to }, h.t0);
      expect({ text, positions }).toEqual({ text, positions: expected });
      expect(answer.total).toBe(answer.events.length);
      for (const fact of answer.events as LateFact[]) {
        const stored = log.find((e) => e.globalPosition === fact.position) as Stored;
        expect({ type: fact.type, recordedAt: ms(fact.recordedAt) }).toEqual({
          type: stored.type,
          recordedAt: ms(stored.metadata.recordedAt),
        });
        expect(ms(fact.occurredAt)).toBeLessThan(ms(h.t0));
      }
    }
    // The history has late facts in September: a test that found none would prove nothing.
    expect(ok(await late('2026-09', { since: h.t0 })).total).toBeGreaterThan(3);
    // A late follow-up moves the lead SLA: it is listed, though no count metric lists it as evidence.
    const september = ok(await late('2026-09', { since: h.t0 })).events as LateFact[];
    expect(september.map((f) => f.position)).toContain(h.late.followUpOfLeadE);
    expect(september.find((f) => f.position === h.late.followUpOfLeadE)?.kind).toBe('lead-followed-up');
  });

  it('finds nothing late before anything happened or after everything was recorded', async () => {
    expect(ok(await late('2026-Q3', { since: '1970-01-01T00:00:00Z' })).total).toBe(0);
    expect(ok(await late('2026-Q3', { since: '2199-01-01T00:00:00Z' })).total).toBe(0);
  });

  it('pages with limit and next, the same facts as one page', async () => {
    const whole = ok(await late('2026-Q3', { since: h.t0 }));
    const walked = [];
    let page = ok(await late('2026-Q3', { since: h.t0, limit: '1' }));
    walked.push(...page.events);
    while (page.next) {
      page = ok(await t.http().get(page.next));
      walked.push(...page.events);
    }
    expect(walked).toEqual(whole.events);
  });

  it('refuses a missing or bad since, asOf (it compares with now) and no credentials', async () => {
    const queries: Record<string, string>[] = [
      {},
      { since: 'yesterday' },
      { since: h.t0, asOf: h.t0 },
      { since: h.t0, limit: '0' },
    ];
    for (const query of queries) {
      const answer = await late('2026-Q3', query);
      expect({ query, status: answer.status, type: answer.headers['content-type'] }).toEqual({
        query,
        status: 400,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
    }
    expect((await t.as(null).get(`/v1/scorecards/2026-Q3/late-facts?since=${h.t0}`)).status).toBe(401);
  });
});
