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

/** An instant picked to the second, applied on Enter or the button (not on every keystroke). */
export const InstantForm = ({
  id,
  label,
  value,
  submit,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string | null;
  submit: string;
  onChange: (instant: string | null) => void;
  children?: preact.ComponentChildren;
}) => {
  const [draft, setDraft] = useState(value ? toLocalInput(value) : '');
  useEffect(() => setDraft(value ? toLocalInput(value) : ''), [value]);
  const apply = (event: Event) => {
    event.preventDefault();
    onChange(draft === '' ? null : fromLocalInput(draft));
  };
  return (
    <form class="instant" onSubmit={apply}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="datetime-local"
        step={1}
        value={draft}
        onInput={(e) => setDraft(e.currentTarget.value)}
      />
      <button type="submit">{submit}</button>
      {children}
    </form>
  );
};
