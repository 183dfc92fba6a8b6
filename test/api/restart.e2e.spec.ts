import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedDatabase } from '#event-store';
import { campaignBrief, registerRoster, startTestApp } from '../support/test-app.js';

describe('idempotency is durable across restarts (embedded data directory)', () => {
  it('a retry after a restart returns the first result and appends nothing', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'ledger-restart-')), 'data');
    const headers = { 'Idempotency-Key': 'launch-winter' };

    const before = await startTestApp('pglite', {}, await openEmbeddedDatabase(dataDir));
    await registerRoster(before, { 'person-mia': 'marketing' });
    const first = await before.http().post('/v1/campaigns/winter/launch').set(headers).send(campaignBrief());
    await before.close();

    const after = await startTestApp('pglite', {}, await openEmbeddedDatabase(dataDir));
    const retry = await after.http().post('/v1/campaigns/winter/launch').set(headers).send(campaignBrief());
    const events = await after.store.readStream('campaign-winter');
    await after.close();

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(events).toHaveLength(1);
  });
});
