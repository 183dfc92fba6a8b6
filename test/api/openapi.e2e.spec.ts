import { type TestApp, startTestApp } from '../support/test-app.js';

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(() => t.close());

  it('serves Swagger UI at /docs and the document at /docs-json with command names as operationIds', async () => {
    const ui = await t.http().get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
    const doc = await t.http().get('/docs-json');
    const operations = Object.values(
      doc.body.paths as Record<string, Record<string, { operationId: string }>>,
    ).flatMap((path) => Object.values(path).map((operation) => operation.operationId));
    expect(operations).toEqual(
      expect.arrayContaining(['LaunchCampaign', 'LogObjection', 'ReadStreamEvents']),
    );
    const launch = doc.body.paths['/v1/campaigns/{campaignId}/launch'].post;
    expect(launch.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['campaignId', 'Idempotency-Key', 'If-Match']),
    );
  });
});
