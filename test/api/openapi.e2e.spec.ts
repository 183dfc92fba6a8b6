import SwaggerParser from '@apidevtools/swagger-parser';
import { type TestApp, startTestApp } from '../support/test-app.js';

/** Every command of the vocabulary, by its operationId. */
const COMMANDS = [
  'RegisterTeamMember',
  'RemoveTeamMember',
  'ProposeCampaign',
  'ReviewCampaign',
  'LaunchCampaign',
  'AcknowledgeBriefing',
  'ReportBlindside',
  'EndCampaign',
  'LogObjection',
  'AddressObjection',
  'WithdrawContent',
  'HandOffLead',
  'FollowUpLead',
  'AcceptLead',
  'RejectLead',
  'RecordDeal',
  'SetSharedGoal',
  'CelebrateWin',
  'HoldHuddle',
  'CompleteActionItem',
  'OpenRetro',
  'AddRetroNote',
  'CloseRetro',
];

/** Reads, by their operationId. */
const QUERIES = [
  'ReadStreamEvents',
  'ListProjections',
  'GetProjection',
  'RebuildProjection',
  'GetRetro',
  'GetObjectionGaps',
  'GetCampaign',
  'GetAlignmentHealth',
];

describe('OpenAPI', () => {
  let t: TestApp;
  type Operation = {
    operationId: string;
    parameters?: { name: string }[];
    security?: Record<string, string[]>[];
    responses: Record<string, unknown>;
    'x-ledger-scope'?: string;
  };
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
  };
  beforeAll(async () => {
    t = await startTestApp('pglite');
    doc = (await t.http().get('/docs-json')).body;
  });
  afterAll(() => t.close());

  it('serves Swagger UI at /docs', async () => {
    const ui = await t.http().get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('lists every command and read with its name as operationId', () => {
    const operations = Object.values(doc.paths).flatMap((path) =>
      Object.values(path).map((op) => op.operationId),
    );
    expect(operations).toEqual(expect.arrayContaining([...COMMANDS, ...QUERIES]));
    expect(new Set(operations).size).toBe(operations.length);
    const launch = doc.paths['/v1/campaigns/{campaignId}/launch'].post;
    expect(launch.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['campaignId', 'Idempotency-Key', 'If-Match']),
    );
  });

  it('declares the bearer key and, on each operation, its scope, 401 and 403; only the probes, problem pages and the public key are public', () => {
    expect(doc.components.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ name: `${method} ${path}`, op })),
    );
    for (const { name, op } of operations) {
      expect({ name, scope: op['x-ledger-scope'] }).toEqual({ name, scope: expect.any(String) });
      if (op['x-ledger-scope'] === 'public') {
        expect({ name, security: op.security }).toEqual({ name, security: [] });
        continue;
      }
      expect({ name, security: op.security }).toEqual({ name, security: [{ bearer: [] }] });
      expect({ name, answers: Object.keys(op.responses) }).toEqual({
        name,
        answers: expect.arrayContaining(['401', '403']),
      });
    }
    const publicOnes = operations
      .filter(({ op }) => op['x-ledger-scope'] === 'public')
      .map(({ name }) => name);
    expect(publicOnes.sort()).toEqual([
      'get /health/live',
      'get /health/ready',
      'get /problems/{type}',
      'get /v1/audit/public-key',
    ]);
    expect(doc.paths['/v1/deals/{dealId}/record'].post['x-ledger-scope']).toBe(
      'commands:write or commands:deals',
    );
    expect(doc.paths['/v1/projections/{name}/rebuild'].post['x-ledger-scope']).toBe('admin');
  });

  it('passes an OpenAPI validator', async () => {
    await expect(
      SwaggerParser.validate(structuredClone(doc) as unknown as Parameters<typeof SwaggerParser.validate>[0]),
    ).resolves.toBeDefined();
  });
});
