import { liveContentAt } from '../../content/live-content.js';
import { type HealthWindow, IN_WINDOW, type Sign, positions, sign } from './health-window.js';

/** Objections unheard: the window's objections in its top three categories that have no live content. */
export const objectionsUnheard = async ({ db, bounds }: HealthWindow): Promise<Sign> => {
  const unheard = await db.query<{ position: string }>(
    `WITH heard AS (SELECT position, category FROM rm_objection_facts WHERE ${IN_WINDOW}),
     top AS (SELECT category FROM heard GROUP BY category ORDER BY count(*) DESC, category LIMIT 3),
     live AS (SELECT DISTINCT category FROM rm_content WHERE ${liveContentAt('$2', '$3')})
     SELECT position FROM heard WHERE category IN (SELECT category FROM top EXCEPT SELECT category FROM live)`,
    bounds,
  );
  return sign(unheard.length > 0, positions(unheard));
};
