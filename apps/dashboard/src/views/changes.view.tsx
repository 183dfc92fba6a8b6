import type { Scorecard } from '#client';
import { COUNTED_FIGURES, figureOf, isMoney, metricLabel } from '../figures.js';
import { count, instant, money } from '../format.js';
import { answer } from '../ledger.js';
import { periodAt, periodBounds, periodLabel } from '../periods.js';
import { useSession } from '../session.js';
import type { EvidenceMetric } from '../tiles.js';
import { EventTable } from '../components/event-table.js';
import { InstantForm } from '../components/instant-form.js';
import { Show } from '../components/loading.js';
import { useLoad } from '../components/use-load.js';
import { useScorecard } from './scorecard.view.js';

const written = (card: Scorecard, metric: EvidenceMetric) =>
  isMoney(metric) ? money(figureOf(card, metric), card.revenue.currency) : count(figureOf(card, metric));

const Comparison = ({ then, now }: { then: Scorecard; now: Scorecard }) => (
  <table class="figures comparison">
    <caption>
      {then.period} as known at {instant(then.at)}, and now
    </caption>
    <thead>
      <tr>
        <th scope="col">Figure</th>
        <th scope="col">Then</th>
        <th scope="col">Now</th>
      </tr>
    </thead>
    <tbody>
      {COUNTED_FIGURES.map((metric) => {
        const changed = figureOf(then, metric) !== figureOf(now, metric);
        return (
          <tr key={metric} class={changed ? 'changed' : undefined} data-changed={changed}>
            <th scope="row">{metricLabel(metric)}</th>
            <td>{written(then, metric)}</td>
            <td>
              {written(now, metric)}
              {changed && <span class="visually-hidden"> (changed)</span>}
            </td>
          </tr>
        );
      })}
    </tbody>
  </table>
);

/** Facts of the period that happened before the instant and were recorded after it, every page. */
const useLateFacts = (period: string, since: string) => {
  const { client } = useSession();
  return useLoad(async () => {
    const facts = [];
    for (let offset = 0; ;) {
      const page = await answer(
        client.GET('/v1/scorecards/{period}/late-facts', {
          params: { path: { period }, query: { since, offset, limit: 10_000 } },
        }),
      );
      facts.push(...page.events);
      offset += page.events.length;
      if (page.next === null || page.events.length === 0) return facts;
    }
  }, [period, since]);
};

/**
 * Without an instant chosen: the end of a period that is over (what came in
 * after it closed), else the start of this week (what changed since Monday).
 */
const defaultSince = (period: string): string => {
  const { end } = periodBounds(period);
  const now = new Date();
  return new Date(end) <= now ? end : periodBounds(periodAt('week', now)).start;
};

/** Compares the period as the ledger knew it at an instant with now, and lists the facts that came late. */
export const ChangesView = ({
  period,
  since,
  onSince,
}: {
  period: string;
  since: string | null;
  onSince: (since: string | null) => void;
}) => {
  const instantChosen = since ?? defaultSince(period);
  const then = useScorecard(period, instantChosen);
  const now = useScorecard(period, null);
  const late = useLateFacts(period, instantChosen);
  return (
    <section aria-labelledby="view-title">
      <h2 id="view-title">
        What changed since {instant(instantChosen)} — {periodLabel(period)}
      </h2>
      <InstantForm id="since" label="Since" value={instantChosen} submit="Compare" onChange={onSince} />
      <Show loaded={late}>
        {(events) => (
          <div class="late-facts">
            <p>
              <strong data-testid="late-count">{events.length}</strong> facts of {period} were recorded after{' '}
              {instant(instantChosen)} though they happened before it: what a reader of the card then could
              not know.
            </p>
            {events.length > 0 && <EventTable events={events} caption="Facts recorded late" highlight />}
          </div>
        )}
      </Show>
      <Show loaded={then}>
        {(thenCard) => <Show loaded={now}>{(nowCard) => <Comparison then={thenCard} now={nowCard} />}</Show>}
      </Show>
    </section>
  );
};
