import type { LedgerClient, Scorecard } from '#client';
import { COUNTED_FIGURES, figureOf, isMoney, metricLabel } from '../figures.js';
import { count, money } from '../format.js';
import { answer, asOfQuery } from '../ledger.js';
import { lastPeriods, periodLabel } from '../periods.js';
import { useSession } from '../session.js';
import { TILES, type EvidenceMetric, type Tile } from '../tiles.js';
import { Show } from '../components/loading.js';
import { Trend } from '../components/trend.js';
import { useLoad } from '../components/use-load.js';
import type { EvidenceRequest } from '../components/evidence-dialog.js';

export type OpenEvidence = (request: EvidenceRequest) => void;

const TREND_PERIODS = 12;

const readScorecard = (client: LedgerClient, period: string, asOf: string | null): Promise<Scorecard> =>
  answer(client.GET('/v1/scorecards/{period}', { params: { path: { period }, query: asOfQuery(asOf) } }));

export const useScorecard = (period: string, asOf: string | null) => {
  const { client } = useSession();
  return useLoad(() => readScorecard(client, period, asOf), [period, asOf]);
};

const TileCard = ({
  tile,
  card,
  trend,
  onEvidence,
}: {
  tile: Tile;
  card: Scorecard;
  trend: Scorecard[] | null;
  onEvidence: OpenEvidence;
}) => {
  const open = (metric: EvidenceMetric, label: string) => () =>
    onEvidence({ period: card.period, metric, asOf: null, label, currency: card.revenue.currency });
  const described = `definition-${tile.id}`;
  return (
    <li class="tile" data-tile={tile.id}>
      <h3 id={`tile-${tile.id}`}>{tile.label}</h3>
      <p class="figure" data-testid={`figure-${tile.id}`}>
        {tile.headline ? (
          <button
            type="button"
            class="headline"
            aria-describedby={described}
            onClick={open(tile.headline, tile.label)}
          >
            {tile.display(card)}
          </button>
        ) : (
          tile.display(card)
        )}
      </p>
      <p class="definition" id={described}>
        {tile.definition}
      </p>
      <ul class="parts">
        {tile.parts(card).map((part) => (
          <li key={part.metric}>
            <button
              type="button"
              class="figure-link"
              aria-describedby={described}
              onClick={open(part.metric, `${tile.label}: ${part.label}`)}
            >
              <span data-metric={part.metric}>{part.text}</span> {part.label}
            </button>
          </li>
        ))}
      </ul>
      {trend && (
        <Trend label={tile.label} values={trend.map(tile.value)} periods={trend.map((c) => c.period)} />
      )}
    </li>
  );
};

const AllFigures = ({ card, onEvidence }: { card: Scorecard; onEvidence: OpenEvidence }) => (
  <table class="figures">
    <caption>Every counted figure of {card.period}: each opens the facts it counts</caption>
    <thead>
      <tr>
        <th scope="col">Figure</th>
        <th scope="col">Value</th>
      </tr>
    </thead>
    <tbody>
      {COUNTED_FIGURES.map((metric: EvidenceMetric) => (
        <tr key={metric}>
          <th scope="row">{metricLabel(metric)}</th>
          <td>
            <button
              type="button"
              class="figure-link"
              data-metric={metric}
              onClick={() =>
                onEvidence({
                  period: card.period,
                  metric,
                  asOf: null,
                  label: metricLabel(metric),
                  currency: card.revenue.currency,
                })
              }
            >
              {isMoney(metric)
                ? money(figureOf(card, metric), card.revenue.currency)
                : count(figureOf(card, metric))}
            </button>
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** The cards of the last periods, asked for once the period's own card is shown (which it reuses). */
const useTrend = (period: string, asOf: string | null, shown: Scorecard | null) => {
  const { client } = useSession();
  return useLoad(
    () =>
      shown
        ? Promise.all(
            lastPeriods(period, TREND_PERIODS).map((p) =>
              p === period ? shown : readScorecard(client, p, asOf),
            ),
          )
        : new Promise<Scorecard[]>(() => undefined),
    [period, asOf, shown !== null],
  );
};

/** The shared scorecard of a period: headline tiles with their trends, and every counted figure. */
export const ScorecardView = ({
  period,
  asOf,
  onEvidence,
}: {
  period: string;
  asOf: string | null;
  onEvidence: OpenEvidence;
}) => {
  const card = useScorecard(period, asOf);
  const trend = useTrend(period, asOf, card.state === 'done' ? card.data : null);
  const open: OpenEvidence = (request) => onEvidence({ ...request, asOf });
  return (
    <section aria-labelledby="view-title">
      <h2 id="view-title">Shared scorecard — {periodLabel(period)}</h2>
      <Show loaded={card}>
        {(data) => (
          <>
            <p class="muted">
              {data.goal
                ? `Shared goal: ${money(data.goal.revenueTarget, data.goal.currency)} (revision ${data.goal.revision}), lead SLA ${data.goal.leadFollowUpSlaHours} h.`
                : 'No shared goal set for this period.'}{' '}
              Trends: the last {TREND_PERIODS} periods.
            </p>
            <ul class="tiles">
              {TILES.map((tile) => (
                <TileCard
                  key={tile.id}
                  tile={tile}
                  card={data}
                  trend={trend.state === 'done' ? trend.data : null}
                  onEvidence={open}
                />
              ))}
            </ul>
            <AllFigures card={data} onEvidence={open} />
          </>
        )}
      </Show>
    </section>
  );
};
