import type { Route } from '../route.js';
import { HealthView } from './health.view.js';
import { type OpenEvidence, ScorecardView } from './scorecard.view.js';

/** The view the route names, with the period and instant it names. */
export const ViewOf = ({ route, onEvidence }: { route: Route; onEvidence: OpenEvidence }) => {
  switch (route.view) {
    case 'health':
      return <HealthView asOf={route.asOf} />;
    default:
      return <ScorecardView period={route.period} asOf={route.asOf} onEvidence={onEvidence} />;
  }
};
