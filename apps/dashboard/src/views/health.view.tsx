import type { AlignmentHealth } from '#client';
import { answer, asOfQuery } from '../ledger.js';
import { instant } from '../format.js';
import { useSession } from '../session.js';
import { SIGNS } from '../signs.js';
import { EventTable } from '../components/event-table.js';
import { Show } from '../components/loading.js';
import { useLoad } from '../components/use-load.js';

/** GetEvidence answers up to this many positions at once. */
const MAX_POSITIONS = 200;

const SignEvidence = ({ positions, label }: { positions: number[]; label: string }) => {
  const { client } = useSession();
  const loaded = useLoad(
    () =>
      positions.length === 0
        ? Promise.resolve({ events: [], missing: [] })
        : answer(
            client.GET('/v1/evidence', {
              params: { query: { positions: positions.slice(0, MAX_POSITIONS).join(',') } },
            }),
          ),
    [positions.join(',')],
  );
  return (
    <Show loaded={loaded}>
      {({ events }) => <EventTable events={events} caption={`Evidence: ${label}`} />}
    </Show>
  );
};

const Signs = ({ health }: { health: AlignmentHealth }) => (
  <ul class="signs">
    {SIGNS.map((sign) => {
      const { status, evidence } = health[sign.name];
      return (
        <li key={sign.name} class={`sign ${status}`} data-sign={sign.name}>
          <h3>
            <span class="light" aria-hidden="true" />
            {sign.label}: <span class="status">{status === 'ok' ? 'OK' : 'Warning'}</span>
          </h3>
          <p>{sign.meaning}</p>
          <p>
            <strong>Cure:</strong> {sign.cure}
          </p>
          <details>
            <summary>
              {evidence.length} evidence {evidence.length === 1 ? 'event' : 'events'}
            </summary>
            {evidence.length > 0 && <SignEvidence positions={evidence} label={sign.label} />}
          </details>
        </li>
      );
    })}
  </ul>
);

/** The six warning signs as traffic lights over the 28 days up to T, each with its evidence. */
export const HealthView = ({ asOf }: { asOf: string | null }) => {
  const { client } = useSession();
  const loaded = useLoad(
    () => answer(client.GET('/v1/alignment-health', { params: { query: asOfQuery(asOf) } })),
    [asOf],
  );
  return (
    <section aria-labelledby="view-title">
      <h2 id="view-title">Alignment health</h2>
      <Show loaded={loaded}>
        {(health) => (
          <>
            <p class="muted">
              The 28 days after {instant(health.window.after)} up to {instant(health.window.upTo)}:{' '}
              {SIGNS.filter((s) => health[s.name].status === 'warning').length} of 6 signs warn.
            </p>
            <Signs health={health} />
          </>
        )}
      </Show>
    </section>
  );
};
