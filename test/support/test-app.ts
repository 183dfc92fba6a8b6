import type { INestApplication } from '@nestjs/common';
import type { App } from 'supertest/types.js';
import request from 'supertest';
import { PostgresEventStore, type SqlDatabase } from '#event-store';
import { createTestPglite, createTestPostgres } from '#testing';
import { createApp } from '../../apps/ledger-api/src/app.factory.js';
import { type LedgerConfig, loadConfig } from '../../apps/ledger-api/src/config/ledger-config.js';

export type Backend = 'pglite' | 'postgres';
export const backends: Backend[] = ['pglite', 'postgres'];

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  /** A second view of the same store, to check what was (not) written. */
  store: PostgresEventStore;
  close: () => Promise<void>;
}

export const startTestApp = async (
  backend: Backend,
  env: NodeJS.ProcessEnv = {},
  database?: SqlDatabase,
): Promise<TestApp> => {
  const db = database ?? (backend === 'pglite' ? await createTestPglite() : await createTestPostgres());
  const config: LedgerConfig = loadConfig(env);
  const app = await createApp(config, { database: db, logger: false });
  await app.init();
  const store = await PostgresEventStore.open(db);
  return {
    app,
    http: () => request(app.getHttpServer() as App),
    store,
    close: () => app.close(),
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
