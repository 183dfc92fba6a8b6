import { answer, asOfQuery } from '../ledger.js';
import { useSession } from '../session.js';
import { Show } from '../components/loading.js';
import { useLoad } from '../components/use-load.js';

export const useObjectionGaps = (asOf: string | null) => {
  const { client } = useSession();
  return useLoad(
    () => answer(client.GET('/v1/objections/gaps', { params: { query: asOfQuery(asOf) } })),
    [asOf],
  );
};

/** Per category: what sales heard in the last 28 days, and whether marketing has content that answers it. */
export const ObjectionsView = ({ asOf }: { asOf: string | null }) => {
  const gaps = useObjectionGaps(asOf);
  return (
    <section aria-labelledby="view-title">
      <h2 id="view-title">Objection gaps</h2>
      <p class="muted">Gaps first: categories customers raise that no live content answers.</p>
      <Show loaded={gaps}>
        {(all) => (
          <table>
            <caption>Objections by category, the 28 days up to T and the 28 before</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Last 28 days</th>
                <th scope="col">28 days before</th>
                <th scope="col">Live content</th>
              </tr>
            </thead>
            <tbody>
              {all.map((gap) => (
                <tr key={gap.category} class={gap.gap && gap.last28Days > 0 ? 'changed' : undefined}>
                  <th scope="row">
                    {gap.category} {gap.gap && <span class="badge bad">gap</span>}
                  </th>
                  <td>{gap.last28Days}</td>
                  <td>{gap.previous28Days}</td>
                  <td>
                    {gap.liveContent.length === 0 ? 'none' : gap.liveContent.map((c) => c.title).join('; ')}
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
