import { useEffect, useState } from 'preact/hooks';

/** datetime-local speaks local wall time; the ledger speaks UTC instants. */
const toLocalInput = (iso: string): string => {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
};
const fromLocalInput = (value: string): string | null => {
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
};

/**
 * "As of": every view re-renders as the ledger knew it at the instant chosen
 * (knowledge time), or now. Applied on Enter or the button, not on every keystroke.
 */
export const AsOfControl = ({
  asOf,
  onChange,
}: {
  asOf: string | null;
  onChange: (asOf: string | null) => void;
}) => {
  const [draft, setDraft] = useState(asOf ? toLocalInput(asOf) : '');
  useEffect(() => setDraft(asOf ? toLocalInput(asOf) : ''), [asOf]);
  const apply = (event: Event) => {
    event.preventDefault();
    onChange(draft === '' ? null : fromLocalInput(draft));
  };
  return (
    <form class="as-of" onSubmit={apply}>
      <label for="as-of">As of</label>
      <input
        id="as-of"
        type="datetime-local"
        step={1}
        value={draft}
        onInput={(e) => setDraft(e.currentTarget.value)}
      />
      <button type="submit">Replay</button>
      <button type="button" disabled={asOf === null} onClick={() => onChange(null)}>
        Now
      </button>
      <span class={asOf ? 'replaying' : 'muted'} role="status" data-testid="as-of-status">
        {asOf ? `Replaying: as the ledger knew it at ${asOf}` : 'Live: as the ledger knows it now'}
      </span>
    </form>
  );
};
