import { day, money } from '../format.js';
import { answer, asOfQuery } from '../ledger.js';
import { periodBounds } from '../periods.js';
import { useSession } from '../session.js';
import { Person } from '../components/person.js';
import { Show } from '../components/loading.js';
import { useLoad } from '../components/use-load.js';
import { RetroBoards } from './retros.view.js';
import { useObjectionGaps } from './objections.view.js';
import { briefingCoverage, underBriefed } from './campaigns.view.js';

export const TopObjections = ({ asOf }: { asOf: string | null }) => {
  const gaps = useObjectionGaps(asOf);
  return (
    <section>
      <h3>2. Top objections without live content</h3>
      <Show loaded={gaps}>
        {(all) => {
          const open = all.filter((gap) => gap.gap && gap.last28Days > 0).slice(0, 5);
          return open.length === 0 ? (
            <p>Every objection heard in the last 28 days has live content answering it.</p>
          ) : (
            <ul>
              {open.map((gap) => (
                <li key={gap.category}>
                  <strong>{gap.category}</strong>: {gap.last28Days} in the last 28 days ({gap.previous28Days}{' '}
                  the 28 before), no content answers it.
                </li>
              ))}
            </ul>
          );
        }}
      </Show>
    </section>
  );
};

export const Launches = ({ week, asOf }: { week: string; asOf: string | null }) => {
  const { client } = useSession();
  const campaigns = useLoad(
    () => answer(client.GET('/v1/campaigns', { params: { query: { period: week, ...asOfQuery(asOf) } } })),
    [week, asOf],
  );
  return (
    <section>
      <h3>3. This week’s launches not reviewed by sales, or under-briefed</h3>
      <Show loaded={campaigns}>
        {({ campaigns: all }) => {
          const { start, end } = periodBounds(week);
          const launched = all.filter(
            (c) => c.launchedAt !== null && c.launchedAt >= start && c.launchedAt < end,
          );
          const flagged = launched.filter((c) => c.reviewedBySalesBeforeLaunch === false || underBriefed(c));
          if (launched.length === 0) return <p>No campaign launched this week.</p>;
          return flagged.length === 0 ? (
            <p>Every campaign launched this week was reviewed by sales and briefed to most reps.</p>
          ) : (
            <ul>
              {flagged.map((c) => (
                <li key={c.campaignId}>
                  <strong>{c.name ?? c.campaignId}</strong> (launched {c.launchedAt ? day(c.launchedAt) : '—'}
                  ): {c.reviewedBySalesBeforeLaunch === false ? 'not reviewed by sales; ' : ''}briefing{' '}
                  {briefingCoverage(c)}
                  {c.blindsides.length > 0 ? `; ${c.blindsides.length} blindside(s)` : ''}.
                </li>
              ))}
            </ul>
          );
        }}
      </Show>
    </section>
  );
};

export const ActionItems = ({ asOf }: { asOf: string | null }) => {
  const { client } = useSession();
  const items = useLoad(
    () => answer(client.GET('/v1/action-items', { params: { query: asOfQuery(asOf) } })),
    [asOf],
  );
  return (
    <section>
      <h3>4. Open action items (overdue first)</h3>
      <Show loaded={items}>
        {({ items: open }) => (
          <table class="action-items">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {[...open.filter((i) => i.overdue), ...open.filter((i) => !i.overdue)].map((item) => (
                <tr key={item.subject} class={item.overdue ? 'changed' : undefined}>
                  <td>{item.description}</td>
                  <td>
                    <Person id={item.owner} />
                  </td>
                  <td>
                    {day(new Date(Date.parse(item.dueAt) - 1).toISOString())}
                    {item.overdue && <strong> overdue</strong>}
                  </td>
                  <td>
                    {item.source} <code>{item.sourceId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
    </section>
  );
};

export const Wins = ({ week, asOf }: { week: string; asOf: string | null }) => {
  const { client, currency } = useSession();
  const won = useLoad(
    () =>
      answer(
        client.GET('/v1/scorecards/{period}/evidence', {
          params: { path: { period: week }, query: { metric: 'revenue.won', ...asOfQuery(asOf) } },
        }),
      ),
    [week, asOf],
  );
  return (
    <section>
      <h3>5. Wins to celebrate — together</h3>
      <Show loaded={won}>
        {({ events }) =>
          events.length === 0 ? (
            <p>No deal closed won this week.</p>
          ) : (
            <ul>
              {events.map((deal) => (
                <li key={deal.subject}>
                  Deal <code>{deal.subject}</code> won on {day(deal.occurredAt)}
                  {deal.amount !== null && ` — ${money(deal.amount, currency)}`}
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
};

export const RetroNotes = ({ week, asOf }: { week: string; asOf: string | null }) => (
  <section>
    <h3>6. Retros with activity this week</h3>
    <RetroBoards period={week} asOf={asOf} none="No retro this week." />
  </section>
);
