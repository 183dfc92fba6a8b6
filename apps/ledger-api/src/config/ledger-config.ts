import { defaultLeadRejectionReasons, defaultObjectionCategories } from '#domain';
import { type ServerLimits, serverLimitsOf } from './server-limits.config.js';
import { type AccessConfig, accessOf } from './access.config.js';
import { ConfigError, integer, parseByteSize } from './config-values.js';
import { type WritePathConfig, writePathOf } from './write-path.config.js';
import { type AuditConfig, auditOf } from './audit.config.js';

export { ConfigError } from './config-values.js';
export type { AccessConfig } from './access.config.js';

/** Everything the service reads from its environment; see the README's table. */
export interface LedgerConfig {
  port: number;
  host: string;
  /** A PostgreSQL server; when absent the embedded PGlite is used. */
  databaseUrl: string | null;
  /** Where the embedded PGlite keeps its files. */
  dataDir: string;
  /** Where the event log lives: PostgreSQL/PGlite (the database above), or EventStoreDB. */
  eventStore: 'postgres' | 'eventstoredb';
  /** The EventStoreDB/KurrentDB connection string, when eventStore is eventstoredb. */
  eventStoreConnectionString: string | null;
  databasePoolSize: number;
  bodyLimitBytes: number;
  /** ISO 4217 code every amount in this ledger is in. */
  currency: string;
  objectionCategories: readonly string[];
  leadRejectionReasons: readonly string[];
  /** How long a read with ?minPosition= waits for its read model before answering 503. */
  readWaitMs: number;
  /** What a projection stuck on an event makes of readiness: 503 (`unready`), or 200 `degraded`. */
  projectionFailureReadiness: 'unready' | 'degraded';
  /** How long a live read model waits after reaching the head, so that its next batch gathers more events. */
  projectionLingerMs: number;
  logLevel: LogLevel;
  /** How long shutdown waits for requests in flight before closing their connections. */
  shutdownGraceMs: number;
  /** How long a command without If-Match is decided again after losing a race, before a 503. */
  commandRetryMs: number;
  access: AccessConfig;
  /** Origins whose pages may call the API from a browser (CORS); none by default. */
  corsOrigins: readonly string[];
  serverLimits: ServerLimits;
  audit: AuditConfig;
  writePath: WritePathConfig;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const LEDGER_CONFIG = Symbol('LedgerConfig');

const TAXONOMY_ENTRY = /^[a-z0-9][a-z0-9-]{0,49}$/;

/** A comma-separated list of lower-case codes, e.g. "price,timing,other". */
const taxonomy = (env: NodeJS.ProcessEnv, name: string, fallback: readonly string[]): readonly string[] => {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !TAXONOMY_ENTRY.test(entry));
  if (bad !== undefined || new Set(entries).size !== entries.length) {
    throw new ConfigError(name, `must be distinct comma-separated codes of a-z, 0-9 and -, got "${raw}"`);
  }
  return entries;
};

const currencyOf = (env: NodeJS.ProcessEnv): string => {
  const currency = env.LEDGER_CURRENCY || 'EUR';
  if (!/^[A-Z]{3}$/.test(currency))
    throw new ConfigError('LEDGER_CURRENCY', `must be an ISO 4217 code such as EUR, got "${currency}"`);
  return currency;
};

const corsOriginsOf = (env: NodeJS.ProcessEnv): string[] => {
  const origins = (env.LEDGER_CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const bad = origins.find((origin) => !/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin));
  if (bad !== undefined) {
    throw new ConfigError(
      'LEDGER_CORS_ORIGINS',
      `must be comma-separated origins such as https://dash.example.com, got "${bad}"`,
    );
  }
  return origins;
};

const projectionFailureReadinessOf = (env: NodeJS.ProcessEnv): LedgerConfig['projectionFailureReadiness'] => {
  const value = env.LEDGER_READINESS_PROJECTIONS || 'unready';
  if (value !== 'unready' && value !== 'degraded') {
    throw new ConfigError('LEDGER_READINESS_PROJECTIONS', `must be unready or degraded, got "${value}"`);
  }
  return value;
};

const logLevelOf = (env: NodeJS.ProcessEnv): LogLevel => {
  const level = env.LOG_LEVEL || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  return level as LogLevel;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): LedgerConfig => {
  const eventStore = env.EVENT_STORE || 'postgres';
  if (eventStore !== 'postgres' && eventStore !== 'eventstoredb') {
    throw new ConfigError('EVENT_STORE', `must be "postgres" or "eventstoredb", got "${eventStore}"`);
  }
  const eventStoreConnectionString = env.EVENTSTORE_CONNECTION_STRING || null;
  if (eventStore === 'eventstoredb' && !/^esdb(\+discover)?:\/\//.test(eventStoreConnectionString ?? '')) {
    throw new ConfigError(
      'EVENTSTORE_CONNECTION_STRING',
      `must be an esdb:// connection string when EVENT_STORE=eventstoredb, such as esdb://localhost:2113?tls=false, got "${eventStoreConnectionString ?? ''}"`,
    );
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: env.LEDGER_DATA_DIR || './data',
    eventStore,
    eventStoreConnectionString,
    databasePoolSize: integer(env, 'LEDGER_DB_POOL_SIZE', 10, 1, 1000),
    bodyLimitBytes: parseByteSize('LEDGER_BODY_LIMIT', env.LEDGER_BODY_LIMIT || '256kb'),
    currency: currencyOf(env),
    objectionCategories: taxonomy(env, 'LEDGER_OBJECTION_CATEGORIES', defaultObjectionCategories),
    leadRejectionReasons: taxonomy(env, 'LEDGER_LEAD_REJECTION_REASONS', defaultLeadRejectionReasons),
    readWaitMs: integer(env, 'LEDGER_READ_WAIT_MS', 5_000, 0, 60_000),
    projectionFailureReadiness: projectionFailureReadinessOf(env),
    projectionLingerMs: integer(env, 'LEDGER_PROJECTION_LINGER_MS', 50, 0, 200),
    logLevel: logLevelOf(env),
    shutdownGraceMs: integer(env, 'LEDGER_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    commandRetryMs: integer(env, 'LEDGER_COMMAND_RETRY_MS', 5_000, 0, 60_000),
    access: accessOf(env),
    corsOrigins: corsOriginsOf(env),
    audit: auditOf(env),
    serverLimits: serverLimitsOf(env),
    writePath: writePathOf(env),
  };
};
