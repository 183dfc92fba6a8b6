import { InstantForm } from './instant-form.js';

/** "As of": every view re-renders as the ledger knew it at the instant chosen (knowledge time), or now. */
export const AsOfControl = ({
  asOf,
  onChange,
}: {
  asOf: string | null;
  onChange: (asOf: string | null) => void;
}) => (
  <InstantForm id="as-of" label="As of" value={asOf} submit="Replay" onChange={onChange}>
    <button type="button" disabled={asOf === null} onClick={() => onChange(null)}>
      Now
    </button>
    <span class={asOf ? 'replaying' : 'muted'} role="status" data-testid="as-of-status">
      {asOf ? `Replaying: as the ledger knew it at ${asOf}` : 'Live: as the ledger knows it now'}
    </span>
  </InstantForm>
);
