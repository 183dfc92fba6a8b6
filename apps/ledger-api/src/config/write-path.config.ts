import { ConfigError, integer, parseByteSize } from './config-values.js';

/** How commands are decided and committed; see commands/group-commit. */
export interface WritePathConfig {
  /** Commands that arrive together share one transaction; off: one transaction a command. */
  groupCommit: boolean;
  /** The most commands one transaction holds. */
  groupCommitMax: number;
  /** Events of recently used streams kept in memory, so a command need not read its stream again. */
  streamCacheEvents: number;
  /** The most commands one ExecuteCommands request may carry. */
  batchMaxCommands: number;
  /** The largest ExecuteCommands body. */
  batchBodyLimitBytes: number;
}

const onOff = (env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  throw new ConfigError(name, `must be on or off, got "${raw}"`);
};

export const writePathOf = (env: NodeJS.ProcessEnv): WritePathConfig => ({
  groupCommit: onOff(env, 'LEDGER_GROUP_COMMIT', true),
  groupCommitMax: integer(env, 'LEDGER_GROUP_COMMIT_MAX', 500, 1, 10_000),
  streamCacheEvents: integer(env, 'LEDGER_STREAM_CACHE_EVENTS', 50_000, 0, 10_000_000),
  batchMaxCommands: integer(env, 'LEDGER_BATCH_MAX_COMMANDS', 1_000, 1, 100_000),
  batchBodyLimitBytes: parseByteSize('LEDGER_BATCH_BODY_LIMIT', env.LEDGER_BATCH_BODY_LIMIT || '16mb'),
});
