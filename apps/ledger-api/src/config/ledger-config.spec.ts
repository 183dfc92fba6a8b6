import { ConfigError, loadConfig } from './ledger-config.js';

describe('configuration', () => {
  it('defaults to the PostgreSQL/PGlite log on port 3000', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      eventStore: 'postgres',
      eventStoreConnectionString: null,
      databaseUrl: null,
    });
  });

  it('takes EventStoreDB with its connection string', () => {
    const config = loadConfig({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
    });
    expect(config).toMatchObject({
      eventStore: 'eventstoredb',
      eventStoreConnectionString: 'esdb://localhost:2113?tls=false',
    });
  });

  it('names the variable and the rule when a setting is wrong', () => {
    expect(() => loadConfig({ EVENT_STORE: 'mongodb' })).toThrow(
      new ConfigError('EVENT_STORE', 'must be "postgres" or "eventstoredb", got "mongodb"'),
    );
    expect(() => loadConfig({ EVENT_STORE: 'eventstoredb' })).toThrow(
      /^EVENTSTORE_CONNECTION_STRING: must be an esdb:\/\//,
    );
    expect(() =>
      loadConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113' }),
    ).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/^PORT:/);
  });
});
