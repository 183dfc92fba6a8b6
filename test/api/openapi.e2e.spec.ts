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
  let doc: {
    paths: Record<string, Record<string, { operationId: string; parameters?: { name: string }[] }>>;
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

  it('passes an OpenAPI validator', async () => {
    await expect(
      SwaggerParser.validate(structuredClone(doc) as unknown as Parameters<typeof SwaggerParser.validate>[0]),
    ).resolves.toBeDefined();
  });
});
