import { useState } from 'preact/hooks';
import { LedgerProblem } from '../ledger.js';
import { type Session, openSession } from '../session.js';

const reason = (error: unknown): string => {
  if (error instanceof LedgerProblem && error.status === 401) return 'That key or token was not accepted.';
  if (error instanceof LedgerProblem && error.status === 403)
    return 'That key may not read the scorecards: it needs the read scope.';
  return error instanceof Error ? error.message : String(error);
};

/** Asks for a key (lk_…) or an OIDC access token with the read scope. */
export const SignIn = ({ onSignedIn }: { onSignedIn: (credentials: string, session: Session) => void }) => {
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const credentials = key.trim();
      onSignedIn(credentials, await openSession(credentials));
    } catch (error) {
      setProblem(reason(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="sign-in">
      <h1>Alignment Ledger</h1>
      <p>The shared scorecard of sales and marketing: one set of numbers, derived from one history.</p>
      <form onSubmit={submit}>
        <label for="credentials">API key or access token (scope read)</label>
        <input
          id="credentials"
          type="password"
          autocomplete="off"
          required
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
          aria-describedby={problem ? 'sign-in-problem' : undefined}
        />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        {problem && (
          <p id="sign-in-problem" class="problem" role="alert">
            {problem}
          </p>
        )}
      </form>
      <p class="muted">
        The key stays in this tab only. Display names are shown only to keys with the personal-data scope.
      </p>
    </main>
  );
};
