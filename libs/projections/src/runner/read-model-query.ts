import type { SqlQueryable } from '#event-store';
import type { AsOf } from '../shared/as-of.js';
import type { Projection } from './projection.js';

/**
 * A read over read models. It names the projections whose tables its SQL
 * reads, so that a read with minPosition waits for exactly those.
 */
export interface ReadModelQuery<Params, Result> {
  reads: readonly Projection[];
  run(db: SqlQueryable, params: Params, at: AsOf): Promise<Result>;
}
