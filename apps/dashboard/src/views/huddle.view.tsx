import { instant } from '../format.js';
import { periodAt, periodLabel, shiftPeriod, kindOf } from '../periods.js';
import { TILES } from '../tiles.js';
import { Show } from '../components/loading.js';
import { useScorecard } from './scorecard.view.js';
import { ActionItems, Launches, RetroNotes, TopObjections, Wins } from './huddle-sections.js';

/** The huddle's week: the period picked when it is a week, else the week of T. */
const weekOf = (period: string, asOf: string | null): string =>
  kindOf(period) === 'week' ? period : periodAt('week', asOf ? new Date(asOf) : new Date());

const ThisWeekVsLast = ({ week, asOf }: { week: string; asOf: string | null }) => {
  const thisWeek = useScorecard(week, asOf);
  const lastWeek = useScorecard(shiftPeriod(week, -1), asOf);
  return (
    <section>
      <h3>1. The numbers: this week vs last week</h3>
      <Show loaded={thisWeek}>
        {(now) => (
          <Show loaded={lastWeek}>
            {(before) => (
              <table class="figures">
                <thead>
                  <tr>
                    <th scope="col">Figure</th>
                    <th scope="col">{before.period}</th>
                    <th scope="col">{now.period}</th>
                  </tr>
                </thead>
                <tbody>
                  {TILES.map((tile) => (
                    <tr
                      key={tile.id}
                      class={tile.display(now) !== tile.display(before) ? 'changed' : undefined}
                    >
                      <th scope="row">{tile.label}</th>
                      <td>{tile.display(before)}</td>
                      <td>{tile.display(now)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Show>
        )}
      </Show>
    </section>
  );
};

/** The agenda of the joint weekly huddle, made from the ledger, ready to print. */
export const HuddleView = ({ period, asOf }: { period: string; asOf: string | null }) => {
  const week = weekOf(period, asOf);
  return (
    <article class="huddle" aria-labelledby="view-title">
      <header>
        <h2 id="view-title">Joint weekly huddle — {periodLabel(week)}</h2>
        <p>
          Weekly numbers, no surprises. Made from the ledger as it knew things{' '}
          {asOf ? `at ${instant(asOf)}` : `on ${instant(new Date().toISOString())}`}.
        </p>
        <button type="button" class="no-print" onClick={() => window.print()}>
          Print the agenda
        </button>
      </header>
      <ThisWeekVsLast week={week} asOf={asOf} />
      <TopObjections asOf={asOf} />
      <Launches week={week} asOf={asOf} />
      <ActionItems asOf={asOf} />
      <Wins week={week} asOf={asOf} />
      <RetroNotes week={week} asOf={asOf} />
    </article>
  );
};
