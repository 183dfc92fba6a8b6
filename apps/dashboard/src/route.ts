import { isPeriod, periodAt } from './periods.js';

export const VIEWS = [
  { id: 'scorecard', label: 'Scorecard' },
  { id: 'health', label: 'Alignment health' },
  { id: 'changes', label: 'What changed' },
  { id: 'huddle', label: 'Weekly huddle' },
  { id: 'objections', label: 'Objection gaps' },
  { id: 'campaigns', label: 'Campaigns' },
  { id: 'retros', label: 'Retros' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'] | 'event';

/** Where the reader is: a view, a period, and the instant the ledger is seen as of (null: now). */
export interface Route {
  view: ViewId;
  period: string;
  asOf: string | null;
  /** What changed since this instant (the changes view). */
  since: string | null;
  /** The event shown by the event view. */
  position: number | null;
}

const isInstant = (text: string | null): text is string => text !== null && !Number.isNaN(Date.parse(text));

/** The route in a location hash (#/view?period=…&asOf=…); anything unreadable falls back to now's week. */
export const parseRoute = (hash: string, now: Date): Route => {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(search);
  const [view, position] = path.split('/');
  const known = VIEWS.some((v) => v.id === view) || view === 'event';
  const period = params.get('period');
  const asOf = params.get('asOf');
  const since = params.get('since');
  return {
    view: known ? (view as ViewId) : 'scorecard',
    period: period !== null && isPeriod(period) ? period : periodAt('week', now),
    asOf: isInstant(asOf) ? new Date(asOf).toISOString() : null,
    since: isInstant(since) ? new Date(since).toISOString() : null,
    position: view === 'event' && /^\d+$/.test(position ?? '') ? Number(position) : null,
  };
};

export const formatRoute = (route: Route): string => {
  const params = new URLSearchParams({ period: route.period });
  if (route.asOf) params.set('asOf', route.asOf);
  if (route.since) params.set('since', route.since);
  const path = route.view === 'event' ? `event/${route.position ?? ''}` : route.view;
  return `#/${path}?${params.toString()}`;
};
