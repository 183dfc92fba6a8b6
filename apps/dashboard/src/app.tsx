import { useEffect, useState } from 'preact/hooks';
import { storeCredentials, storedCredentials } from './ledger.js';
import { VIEWS, type Route, formatRoute, parseRoute } from './route.js';
import { type Session, SessionContext, openSession } from './session.js';
import { EvidenceDialog, type EvidenceRequest } from './components/evidence-dialog.js';
import { SignIn } from './components/sign-in.js';
import { Toolbar } from './components/toolbar.js';
import { ViewOf } from './views/view-of.js';

const useRoute = (): [Route, (change: Partial<Route>) => void] => {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash, new Date()));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash, new Date()));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const go = (change: Partial<Route>) => {
    window.location.hash = formatRoute({ ...route, ...change });
  };
  return [route, go];
};

/** A stored key is tried again on reload; a key that no longer works sends the reader to sign in. */
const useStoredSession = (): [
  Session | null | 'opening',
  (credentials: string | null, session?: Session) => void,
] => {
  const [session, setSession] = useState<Session | null | 'opening'>(storedCredentials() ? 'opening' : null);
  useEffect(() => {
    const credentials = storedCredentials();
    if (credentials)
      openSession(credentials).then(setSession, () => {
        storeCredentials(null);
        setSession(null);
      });
  }, []);
  const change = (credentials: string | null, opened?: Session) => {
    storeCredentials(credentials);
    setSession(opened ?? null);
  };
  return [session, change];
};

export const App = () => {
  const [session, setSession] = useStoredSession();
  const [route, go] = useRoute();
  // The evidence belongs to the route it was opened on: following a link out of it closes it, in the same render.
  const [opened, setOpened] = useState<{ request: EvidenceRequest; on: string } | null>(null);
  const here = formatRoute(route);
  const evidence = opened?.on === here ? opened.request : null;
  const setEvidence = (request: EvidenceRequest | null) => setOpened(request && { request, on: here });
  if (session === 'opening') return <p role="status">Opening…</p>;
  if (session === null)
    return <SignIn onSignedIn={(credentials, opened) => setSession(credentials, opened)} />;
  return (
    <SessionContext.Provider value={session}>
      <header class="masthead">
        <h1>Alignment Ledger</h1>
        <p class="tagline">Weekly numbers, no surprises: one history, the same for both teams.</p>
        <button type="button" class="sign-out" onClick={() => setSession(null)}>
          Sign out
        </button>
      </header>
      <nav aria-label="Views">
        <ul>
          {VIEWS.map((view) => (
            <li key={view.id}>
              <a
                href={formatRoute({ ...route, view: view.id })}
                aria-current={route.view === view.id ? 'page' : undefined}
              >
                {view.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Toolbar route={route} go={go} />
      <main id="main">
        <ViewOf route={route} go={go} onEvidence={setEvidence} />
      </main>
      {evidence && <EvidenceDialog request={evidence} onClose={() => setEvidence(null)} />}
    </SessionContext.Provider>
  );
};
