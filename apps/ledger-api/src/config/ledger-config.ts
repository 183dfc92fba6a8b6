/** Everything the service reads from its environment; see the README's table. */
export interface LedgerConfig {
  port: number;
  host: string;
  /** A PostgreSQL server; when absent the embedded PGlite is used. */
  databaseUrl: string | null;
  /** Where the embedded PGlite keeps its files. */
  dataDir: string;
  eventStore: 'postgres';
  databasePoolSize: number;
  bodyLimitBytes: number;
}

export class ConfigError extends Error {
  constructor(variable: string, rule: string) {
    super(`${variable}: ${rule}`);
    this.name = 'ConfigError';
  }
}

const integer = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
};

const UNITS: Record<string, number> = { b: 1, kb: 1024, kib: 1024, mb: 1024 ** 2, mib: 1024 ** 2 };

/** "262144", "256kb", "256 KiB", "1mb" → bytes. */
export const parseByteSize = (name: string, raw: string): number => {
  const match = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(raw);
  const unit = UNITS[(match?.[2] || 'b').toLowerCase()];
  if (!match || !unit || Number(match[1]) === 0) {
    throw new ConfigError(name, `must be a size such as 262144, 256kb or 1mb, got "${raw}"`);
  }
  return Number(match[1]) * unit;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): LedgerConfig => {
  const eventStore = env.EVENT_STORE || 'postgres';
  if (eventStore !== 'postgres') {
    throw new ConfigError('EVENT_STORE', `must be "postgres" (the only backend so far), got "${eventStore}"`);
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: env.LEDGER_DATA_DIR || './data',
    eventStore,
    databasePoolSize: integer(env, 'LEDGER_DB_POOL_SIZE', 10, 1, 1000),
    bodyLimitBytes: parseByteSize('LEDGER_BODY_LIMIT', env.LEDGER_BODY_LIMIT || '256kb'),
  };
};
