import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { EventStore, SqlDatabase } from '#event-store';
import {
  type ProjectionFailure,
  ProjectionRebuild,
  type RebuildProgress,
  ProjectionRunner,
  type ProjectionStatus,
  type ReadModelQuery,
  type SkipRequest,
  type SkippedEvent,
  allProjections,
  readFailures,
  readRebuild,
  skipFailedEvent,
} from '#projections';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { DATABASE, EVENT_STORE } from '../event-store/event-store.module.js';
import { ProblemException, problem } from '../http/problem.js';
import type { AsOfQuery } from './as-of.dto.js';

/**
 * The read models: runs every projection in the background while the service
 * is up, reads over them, their status and their rebuilds.
 */
@Injectable()
export class ReadModels implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runners: Map<string, ProjectionRunner>;
  private closing = false;
  /** Rebuilds running in this process, awaited at shutdown. */
  private readonly rebuilds = new Map<string, Promise<RebuildProgress>>();

  constructor(
    @Inject(DATABASE) private readonly db: SqlDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {
    const options = { lingerMs: config.projectionLingerMs };
    this.runners = new Map(allProjections.map((p) => [p.name, new ProjectionRunner(db, store, p, options)]));
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const runner of this.runners.values()) await runner.prepare();
    for (const runner of this.runners.values()) runner.start();
  }

  /** Lets the batch in flight commit and gives up the leases before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.all(this.rebuilds.values());
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }

  private runner(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) {
      throw new ProblemException(
        problem(404, 'projection-not-found', 'No such projection', {
          detail: `known projections: ${[...this.runners.keys()].join(', ')}`,
        }),
      );
    }
    return runner;
  }

  /** Status, and the progress of its last rebuild, whichever replica ran it. */
  async status(name: string): Promise<ProjectionStatus & { rebuild: RebuildProgress | null }> {
    const status = await this.runner(name).status();
    return { ...status, rebuild: await readRebuild(this.db, name) };
  }

  /** Starts a blue/green rebuild in the background; one at a time per projection, across replicas. */
  async startRebuild(name: string): Promise<RebuildProgress> {
    const runner = this.runner(name);
    if (this.closing) {
      throw new ProblemException(
        problem(503, 'shutting-down', 'The service is shutting down', {
          detail: 'start the rebuild on another replica',
          retryAfterSeconds: 1,
        }),
      );
    }
    const rebuild = new ProjectionRebuild(this.db, this.store, runner);
    if (!(await rebuild.claim())) {
      throw new ProblemException(
        problem(409, 'rebuild-in-progress', 'A rebuild is already running', {
          detail: `${name} is being rebuilt (here or on another replica)`,
        }),
      );
    }
    this.rebuilds.set(name, rebuild.run());
    return rebuild.progress;
  }

  statuses(): Promise<ProjectionStatus[]> {
    return Promise.all([...this.runners.values()].map((runner) => runner.status()));
  }

  /** The projections stuck on an event, from the database: the same on every replica. */
  failures(): Promise<(ProjectionFailure & { name: string })[]> {
    return readFailures(this.db, allProjections);
  }

  /**
   * Records in the ledger that `name` skips the event it is stuck on (and no
   * other), then lets its runner here retry at once; on another replica the
   * lease holder picks the skip up at its next attempt.
   */
  async skip(name: string, request: SkipRequest): Promise<{ skip: SkippedEvent; replayed: boolean }> {
    const runner = this.runner(name);
    const outcome = await skipFailedEvent(this.db, this.store, runner.projection, request);
    if (outcome.kind === 'takes-every-event') {
      throw new ProblemException(
        problem(409, 'projection-takes-every-event', 'This projection cannot skip an event', {
          detail: `${name} folds every event of the log in order: a skipped one would make it disagree with the log`,
        }),
      );
    }
    if (outcome.kind === 'not-failed-there') {
      const { failure } = outcome;
      throw new ProblemException(
        problem(
          409,
          'projection-not-failed-there',
          'Only the event a projection is stuck on may be skipped',
          {
            detail: failure
              ? `${name} is stuck at position ${failure.position}, not ${request.position}`
              : `${name} is not stuck on any event`,
            failedAt: failure?.position ?? null,
          },
        ),
      );
    }
    runner.retryNow();
    return { skip: outcome.skip, replayed: outcome.kind === 'replayed' };
  }

  /**
   * Runs a read over read models: waits for `minPosition` in each projection
   * the query reads, then evaluates it at asOf (or now).
   */
  async read<Params, Result>(
    query: ReadModelQuery<Params, Result>,
    params: Params,
    { minPosition, asOf }: AsOfQuery,
  ): Promise<Result> {
    await Promise.all(query.reads.map((model) => this.awaitPosition(model.name, minPosition)));
    const at = { asOf: asOf === undefined ? undefined : new Date(asOf), now: new Date() };
    return query.run(this.db, params, at);
  }

  /** Read-your-writes: waits until `name` has folded `minPosition`, else 503 with Retry-After. */
  private async awaitPosition(name: string, minPosition: number | undefined): Promise<void> {
    if (minPosition === undefined) return;
    const reached = await this.runners.get(name)?.waitFor(minPosition, this.config.readWaitMs);
    if (!reached) {
      const [stuck] = await readFailures(
        this.db,
        allProjections.filter((p) => p.name === name),
      );
      throw new ProblemException(
        problem(503, 'projection-behind', 'The read model has not caught up yet', {
          detail: stuck
            ? `${name} is stuck at position ${stuck.position} (${stuck.error}); see GET /v1/projections/${name}`
            : `${name} has not reached position ${minPosition} within ${this.config.readWaitMs} ms`,
          retryAfterSeconds: 1,
        }),
      );
    }
  }
}
