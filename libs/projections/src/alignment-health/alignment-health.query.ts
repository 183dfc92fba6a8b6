import type { SqlQueryable } from '#event-store';
import { campaignViewProjection } from '../campaign-view/campaign-view.projection.js';
import { contentProjection } from '../content/content.projection.js';
import { objectionGapsProjection } from '../objection-gaps/objection-gaps.projection.js';
import type { ReadModelQuery } from '../runner/read-model-query.js';
import { type AsOf, knownUpTo } from '../shared/as-of.js';
import { alignmentFactsProjection } from './alignment-facts.projection.js';
import { blameGame, huddleCadence, noSharedCelebration } from './signs/alignment-fact-signs.js';
import { salesBlindsided, strategyNotShared } from './signs/campaign-signs.js';
import type { HealthWindow, Sign } from './signs/health-window.js';
import { objectionsUnheard } from './signs/objections-unheard.js';

export type { Sign } from './signs/health-window.js';

export interface AlignmentHealth {
  /** T: the instant evaluated (asOf, or now). */
  at: string;
  window: { after: string; upTo: string };
  salesBlindsided: Sign;
  strategyNotShared: Sign;
  objectionsUnheard: Sign;
  noSharedCelebration: Sign;
  blameGame: Sign;
  huddleCadence: Sign;
}

const DAY = 86_400_000;

/** The warning signs over the 28 days ending at T: after T − 28 days, up to and including T. */
export const readAlignmentHealth = async (
  db: SqlQueryable,
  { asOf, now }: AsOf,
): Promise<AlignmentHealth> => {
  const t = asOf ?? now;
  const after = new Date(t.getTime() - 28 * DAY);
  const known = knownUpTo(asOf);
  const window: HealthWindow = { db, t, known, bounds: [after.toISOString(), t.toISOString(), known] };
  // Independent statements: on a PostgreSQL pool they run side by side (PGlite queues them on its one connection).
  const signs = [
    salesBlindsided,
    strategyNotShared,
    objectionsUnheard,
    noSharedCelebration,
    blameGame,
    huddleCadence,
  ];
  const [blindsided, notShared, unheard, noCelebration, blame, cadence] = await Promise.all(
    signs.map((sign) => sign(window)),
  );
  return {
    at: t.toISOString(),
    window: { after: after.toISOString(), upTo: t.toISOString() },
    salesBlindsided: blindsided,
    strategyNotShared: notShared,
    objectionsUnheard: unheard,
    noSharedCelebration: noCelebration,
    blameGame: blame,
    huddleCadence: cadence,
  };
};

/**
 * The warning signs: launches, acknowledgements and blindsides of the campaign
 * facts, objections, live content, and the facts of alignment-facts.
 */
export const alignmentHealthQuery: ReadModelQuery<void, AlignmentHealth> = {
  reads: [campaignViewProjection, objectionGapsProjection, contentProjection, alignmentFactsProjection],
  run: (db, _params, at) => readAlignmentHealth(db, at),
};
