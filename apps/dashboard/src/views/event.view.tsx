import { answer } from '../ledger.js';
import { useSession } from '../session.js';
import { EventTable } from '../components/event-table.js';
import { Show } from '../components/loading.js';
import { useLoad } from '../components/use-load.js';

/** One event of the log: its summary for any reader, its whole data for a key with audit. */
export const EventView = ({ position }: { position: number }) => {
  const { client, audit } = useSession();
  const summary = useLoad(
    () => answer(client.GET('/v1/evidence', { params: { query: { positions: String(position) } } })),
    [position],
  );
  const whole = useLoad(
    () =>
      audit
        ? answer(client.GET('/v1/events/{position}', { params: { path: { position } } }))
        : Promise.resolve(null),
    [position, audit],
  );
  return (
    <section aria-labelledby="view-title">
      <h2 id="view-title">Event #{position}</h2>
      <Show loaded={summary}>
        {({ events, missing }) =>
          missing.length > 0 ? (
            <p class="problem">There is no event at position {position}.</p>
          ) : (
            <EventTable events={events} caption={`The event at position ${position}`} />
          )
        }
      </Show>
      <Show loaded={whole}>
        {(event) =>
          event === null ? (
            <p class="muted">The event’s data is shown to keys with the audit scope.</p>
          ) : (
            <pre class="event-data" tabIndex={0} aria-label="The whole event">
              {JSON.stringify(event, null, 2)}
            </pre>
          )
        }
      </Show>
    </section>
  );
};
