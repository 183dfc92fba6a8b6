import type { Route } from '../route.js';
import { CampaignsView } from './campaigns.view.js';
import { ChangesView } from './changes.view.js';
import { EventView } from './event.view.js';
import { HealthView } from './health.view.js';
import { HuddleView } from './huddle.view.js';
import { ObjectionsView } from './objections.view.js';
import { RetrosView } from './retros.view.js';
import { type OpenEvidence, ScorecardView } from './scorecard.view.js';

/** The view the route names, with the period and instant it names. */
export const ViewOf = ({
  route,
  go,
  onEvidence,
}: {
  route: Route;
  go: (change: Partial<Route>) => void;
  onEvidence: OpenEvidence;
}) => {
  const { period, asOf } = route;
  switch (route.view) {
    case 'health':
      return <HealthView asOf={asOf} />;
    case 'changes':
      return <ChangesView period={period} since={route.since ?? asOf} onSince={(since) => go({ since })} />;
    case 'huddle':
      return <HuddleView period={period} asOf={asOf} />;
    case 'objections':
      return <ObjectionsView asOf={asOf} />;
    case 'campaigns':
      return <CampaignsView period={period} asOf={asOf} />;
    case 'retros':
      return <RetrosView period={period} asOf={asOf} />;
    case 'event':
      return route.position === null ? <p>No such event.</p> : <EventView position={route.position} />;
    case 'scorecard':
      return <ScorecardView period={period} asOf={asOf} onEvidence={onEvidence} />;
  }
};
