import { ConfigError, loadConfig } from './ledger-config.js';
import { serverLimitsOf } from './server-limits.config.js';

describe('server limits configuration', () => {
  it('defaults to 10 s for the headers, 30 s for the whole request, 5 s idle and 1024 connections', () => {
    expect(loadConfig({}).serverLimits).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      idleTimeoutMs: 5_000,
      maxConnections: 1_024,
    });
  });

  it('takes each limit from its variable; 0 connections is no cap', () => {
    expect(
      serverLimitsOf({
        LEDGER_HEADERS_TIMEOUT_MS: '1000',
        LEDGER_REQUEST_TIMEOUT_MS: '1500',
        LEDGER_IDLE_TIMEOUT_MS: '500',
        LEDGER_MAX_CONNECTIONS: '0',
      }),
    ).toEqual({ headersTimeoutMs: 1_000, requestTimeoutMs: 1_500, idleTimeoutMs: 500, maxConnections: 0 });
  });

  it('keeps the default headers timeout within a shorter request timeout', () => {
    expect(serverLimitsOf({ LEDGER_REQUEST_TIMEOUT_MS: '4000' })).toMatchObject({
      headersTimeoutMs: 4_000,
      requestTimeoutMs: 4_000,
    });
  });

  it('names the variable and the rule when a limit is out of range', () => {
    expect(() => serverLimitsOf({ LEDGER_HEADERS_TIMEOUT_MS: '0' })).toThrow(
      new ConfigError('LEDGER_HEADERS_TIMEOUT_MS', 'must be an integer from 100 to 600000, got "0"'),
    );
    expect(() => serverLimitsOf({ LEDGER_REQUEST_TIMEOUT_MS: '10s' })).toThrow(/^LEDGER_REQUEST_TIMEOUT_MS:/);
    expect(() => serverLimitsOf({ LEDGER_IDLE_TIMEOUT_MS: '600001' })).toThrow(/^LEDGER_IDLE_TIMEOUT_MS:/);
    expect(() => serverLimitsOf({ LEDGER_MAX_CONNECTIONS: '-1' })).toThrow(/^LEDGER_MAX_CONNECTIONS:/);
    expect(() => loadConfig({ LEDGER_MAX_CONNECTIONS: '1.5' })).toThrow(ConfigError);
  });

  it('refuses a headers timeout longer than the request timeout, as Node would', () => {
    expect(() =>
      serverLimitsOf({ LEDGER_HEADERS_TIMEOUT_MS: '20000', LEDGER_REQUEST_TIMEOUT_MS: '15000' }),
    ).toThrow(
      new ConfigError(
        'LEDGER_HEADERS_TIMEOUT_MS',
        'must be at most LEDGER_REQUEST_TIMEOUT_MS (15000), got "20000"',
      ),
    );
  });
});
