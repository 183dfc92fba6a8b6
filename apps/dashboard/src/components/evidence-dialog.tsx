import { useEffect, useRef } from 'preact/hooks';
import { isMoney } from '../figures.js';
import { instant } from '../format.js';
import { answer, asOfQuery } from '../ledger.js';
import { useSession } from '../session.js';
import type { EvidenceMetric } from '../tiles.js';
import { EventTable } from './event-table.js';
import { Show } from './loading.js';
import { useLoad } from './use-load.js';

export interface EvidenceRequest {
  period: string;
  metric: EvidenceMetric;
  asOf: string | null;
  label: string;
  currency: string;
}

/** The facts behind one figure, in a modal dialog: Escape or Close returns to the figure. */
export const EvidenceDialog = ({ request, onClose }: { request: EvidenceRequest; onClose: () => void }) => {
  const { client } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const { period, metric, asOf } = request;
  const loaded = useLoad(
    () =>
      answer(
        client.GET('/v1/scorecards/{period}/evidence', {
          params: { path: { period }, query: { metric, ...asOfQuery(asOf) } },
        }),
      ),
    [period, metric, asOf],
  );
  const money = isMoney(metric);
  return (
    <dialog ref={dialog} class="evidence" aria-labelledby="evidence-title" onClose={onClose}>
      <header>
        <h2 id="evidence-title">Evidence: {request.label}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </header>
      <Show loaded={loaded}>
        {(evidence) => (
          <>
            <p>
              <strong data-testid="evidence-total">{evidence.total}</strong>{' '}
              {evidence.total === 1 ? 'fact' : 'facts'} counted by <code>{metric}</code> for {period}, as the
              ledger knew it at {instant(evidence.at)}.
              {evidence.next && ` The first ${evidence.events.length} are listed.`}
            </p>
            <EventTable
              events={evidence.events}
              caption={`Events behind ${request.label}`}
              {...(money ? { currency: request.currency } : {})}
            />
          </>
        )}
      </Show>
    </dialog>
  );
};
