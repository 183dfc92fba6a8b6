import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What became of a command, as the client saw it. */
export type CommandOutcome = 'accepted' | 'replayed' | 'rejected' | 'conflict' | 'invalid' | 'error';

/**
 * The service's Prometheus metrics. A registry of its own rather than
 * prom-client's global one: several applications in one process (the test
 * suites) would otherwise register the same names twice.
 */
@Injectable()
export class LedgerMetrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'ledger_commands_total',
    help: 'Commands by name and outcome (accepted, replayed, rejected, conflict, invalid, error)',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly accessRefusals = new Counter({
    name: 'ledger_access_refusals_total',
    help: 'Requests the access guard refused, by status (401, 403, 429, 503) and problem type',
    labelNames: ['status', 'reason'] as const,
    registers: [this.registry],
  });

  readonly connectionsDropped = new Counter({
    name: 'ledger_http_connections_dropped_total',
    help: 'Connections closed on arrival because LEDGER_MAX_CONNECTIONS were open',
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'ledger_append_duration_seconds',
    help: 'Time to append a command’s events to the event store (one transaction)',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly lostRaces = new Counter({
    name: 'ledger_command_lost_races_total',
    help: 'Appends that lost the race for their stream to another writer, so the command was decided again',
    registers: [this.registry],
  });

  readonly projectionLag = this.projectionGauge(
    'ledger_projection_lag_events',
    'Events recorded but not yet folded into the read model',
  );

  readonly projectionCheckpoint = this.projectionGauge(
    'ledger_projection_checkpoint',
    'Global position the read model has folded up to',
  );

  readonly projectionFailed = this.projectionGauge(
    'ledger_projection_failed',
    '1 while the projection is stuck on an event (GET /v1/projections/{name} names it), else 0',
  );

  readonly rebuildProcessed = this.projectionGauge(
    'ledger_projection_rebuild_processed_events',
    'Global positions the last blue/green rebuild of the projection has covered',
  );

  readonly rebuildTotal = this.projectionGauge(
    'ledger_projection_rebuild_total_events',
    'Head position the last blue/green rebuild of the projection is chasing',
  );

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  private projectionGauge(name: string, help: string) {
    return new Gauge({ name, help, labelNames: ['projection'] as const, registers: [this.registry] });
  }
}
