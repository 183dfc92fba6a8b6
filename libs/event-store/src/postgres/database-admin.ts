import pg from 'pg';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** The URL of another database on the same server. */
export const databaseUrl = (serverUrl: string, database: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

const withAdmin = async <T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

const checked = (name: string) => {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain database name: ${name}`);
  return name;
};

export const createDatabase = (serverUrl: string, name: string): Promise<void> =>
  withAdmin(serverUrl, async (client) => {
    await client.query(`CREATE DATABASE ${checked(name)}`);
  });

/**
 * Drops a database once its connections are gone. A just-closed pool's
 * sockets may still be saying goodbye; DROP … WITH (FORCE) would kill them and
 * their clients would report an error, so wait while it is in use instead.
 */
export const dropDatabase = (serverUrl: string, name: string, timeoutMs = 5_000): Promise<void> =>
  withAdmin(serverUrl, async (client) => {
    for (const started = Date.now(); ;) {
      try {
        await client.query(`DROP DATABASE IF EXISTS ${checked(name)}`);
        return;
      } catch (error) {
        const inUse = (error as { code?: string }).code === '55006';
        if (!inUse || Date.now() - started > timeoutMs) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
