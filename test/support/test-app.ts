import { generateKeyPairSync } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { App } from 'supertest/types.js';
import request from 'supertest';
import { EventStoreDBClient } from '@eventstore/db-client';
import {
  type EventStore,
  EventStoreDbEventStore,
  PostgresEventStore,
  type SqlDatabase,
  connectPostgres,
} from '#event-store';
import { formatApiKey, newApiKeyToken } from '#access';
import { type LedgerClient, createLedgerClient } from '#client';
import type { Middleware } from 'openapi-fetch';
import { checkAnswersAgainst } from './response-schemas.js';
import { createTestPglite, createTestPostgres, startEventStoreDbTestDouble } from '#testing';
import { createApp } from '../../apps/ledger-api/src/app.factory.js';
import { type LedgerConfig, loadConfig } from '../../apps/ledger-api/src/config/ledger-config.js';

export type Backend = 'pglite' | 'postgres' | 'eventstoredb';
/** The backends every suite runs on; the EventStoreDB one (over the gRPC test double) where a suite asks for it. */
export const backends: Backend[] = ['pglite', 'postgres'];

export interface TestApp {
  app: INestApplication;
  /** Requests with the admin key, which has every scope, as application/json. */
  http: () => ReturnType<typeof request>;
  /** Requests with no credentials, or with the key given. */
  as: (key: string | null) => ReturnType<typeof request>;
  /** The admin key the app was started with (LEDGER_BOOTSTRAP_ADMIN_KEY). */
  adminKey: string;
  /** The service's URL on a real port (it listens on the first call), for clients in other processes. */
  url: () => Promise<string>;
  /** The typed client (libs/client) over HTTP, with the admin key or the credentials given (null: none). */
  client: (credentials?: string | null) => Promise<LedgerClient>;
  /** A second view of the same store, to check what was (not) written. */
  store: EventStore;
  /** The read models' database (and, but for EventStoreDB, the log's). */
  database: SqlDatabase;
  close: () => Promise<void>;
}

/** One tree-head signing key for the apps of a test file, so none writes a key file into ./data. */
export const testSigningKey = generateKeyPairSync('ed25519').privateKey.export({
  type: 'pkcs8',
  format: 'pem',
}) as string;

/** A fresh key for a test app's first admin. */
export const testAdminKey = (): string => formatApiKey(newApiKeyToken());

const clients = (app: INestApplication, adminKey: string) => {
  const as = (key: string | null) => {
    const agent = request.agent(app.getHttpServer() as App);
    return key === null ? agent : agent.set('Authorization', `Bearer ${key}`);
  };
  // The typed client needs a real port: the app listens on the first call.
  let listening: Promise<string> | null = null;
  const baseUrl = () => {
    listening ??= app.listen(0, '127.0.0.1').then(() => app.getUrl());
    return listening;
  };
  let contract: Promise<Middleware> | null = null;
  const client = async (credentials: string | null = adminKey) => {
    const typed = createLedgerClient({
      baseUrl: await baseUrl(),
      ...(credentials === null ? {} : { credentials }),
    });
    contract ??= request(app.getHttpServer() as App)
      .get('/docs-json')
      .then((served) => checkAnswersAgainst(served.body));
    typed.use(await contract);
    return typed;
  };
  // The admin's client speaks JSON, an empty POST included, as the service requires.
  return {
    adminKey,
    as,
    url: baseUrl,
    client,
    http: () => as(adminKey).set('Content-Type', 'application/json'),
  };
};

export const startTestApp = async (
  backend: Backend,
  env: NodeJS.ProcessEnv = {},
  database?: SqlDatabase,
): Promise<TestApp> => {
  if (backend === 'eventstoredb') return startOnEventStoreDb(env);
  const db = database ?? (backend === 'pglite' ? await createTestPglite() : await createTestPostgres());
  const adminKey = env.LEDGER_BOOTSTRAP_ADMIN_KEY ?? testAdminKey();
  const config: LedgerConfig = loadConfig({
    LEDGER_BOOTSTRAP_ADMIN_KEY: adminKey,
    LEDGER_SIGNING_KEY: testSigningKey,
    ...env,
  });
  const app = await createApp(config, { database: db, logger: false });
  await app.init();
  const store = await PostgresEventStore.open(db);
  return {
    app,
    ...clients(app, adminKey),
    store,
    database: db,
    close: () => app.close(),
  };
};

/** The service with EVENT_STORE=eventstoredb: the log in the gRPC test double, read models in PostgreSQL. */
const startOnEventStoreDb = async (env: NodeJS.ProcessEnv): Promise<TestApp> => {
  const double = await startEventStoreDbTestDouble();
  const db = await createTestPostgres();
  const adminKey = testAdminKey();
  const config = loadConfig({
    LEDGER_BOOTSTRAP_ADMIN_KEY: adminKey,
    LEDGER_SIGNING_KEY: testSigningKey,
    ...env,
    EVENT_STORE: 'eventstoredb',
    EVENTSTORE_CONNECTION_STRING: double.connectionString,
  });
  const app = await createApp(config, { database: db, logger: false });
  await app.init();
  const view = connectPostgres(db.url, 2);
  const store = await EventStoreDbEventStore.open(
    EventStoreDBClient.connectionString(double.connectionString),
    view,
  );
  return {
    app,
    ...clients(app, adminKey),
    store,
    database: view,
    close: async () => {
      await store.close();
      await app.close();
      await double.close();
    },
  };
};

/** Puts people on the roster, as commands naming team members require. */
export const registerRoster = async (t: TestApp, members: Record<string, 'sales' | 'marketing'>) => {
  for (const [personId, team] of Object.entries(members)) {
    const response = await t
      .http()
      .post(`/v1/team-members/${personId}/register`)
      .send({ displayName: `Name of ${personId}`, team });
    if (response.status !== 201) throw new Error(`registering ${personId}: ${response.text}`);
  }
};

export const defaultRoster = {
  'person-mia': 'marketing',
  'person-sam': 'sales',
  'person-ana': 'sales',
} as const;

export const campaignBrief = (overrides: Record<string, unknown> = {}) => ({
  name: 'Q3 upsell to annual plans',
  offer: '20% off when switching to annual',
  channels: ['email', 'webinar'],
  audience: 'Mid-market customers on monthly plans',
  talkingPoints: ['Two months free', 'Price locked for a year'],
  launchedBy: 'person-mia',
  ...overrides,
});

export const objection = (overrides: Record<string, unknown> = {}) => ({
  category: 'price',
  text: 'They pay less with the incumbent',
  heardBy: 'person-sam',
  ...overrides,
});
