import { problemTypes } from '../../apps/ledger-api/src/http/problem-catalogue.js';
import { problemPage } from '../../apps/ledger-api/src/problems/problem-page.js';
import {
  type TestApp,
  campaignBrief,
  defaultRoster,
  registerRoster,
  startTestApp,
} from '../support/test-app.js';

describe('problem types resolve: GET /problems/{type}', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await registerRoster(t, defaultRoster);
  });
  afterAll(() => t.close());

  it('answers anyone with an HTML page saying what it means and how to fix the request', async () => {
    const page = await t.as(null).get('/problems/precondition-failed');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(page.headers.vary).toMatch(/Accept/);
    expect(page.text).toContain('<h1>The stream is not at the revision If-Match names</h1>');
    expect(page.text).toContain('How to fix the request');
    expect(page.text).toContain('<code>/problems/precondition-failed</code> · HTTP 412');
    // helmet's strict policy holds for the page: it has no script to allow.
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.text).not.toMatch(/<script|\son\w+=/i);
  });

  it('answers Accept: application/json with type, title, status, description and fix', async () => {
    const json = await t
      .as(null)
      .get('/problems/campaign-already-launched')
      .set('Accept', 'application/json');
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.body).toEqual({
      type: '/problems/campaign-already-launched',
      title: 'Campaign already launched',
      status: 409,
      description: expect.any(String),
      fix: expect.any(String),
    });
  });

  it('is a 404 problem for a type the service never answers with', async () => {
    for (const slug of ['revision-mismatch', 'no-such-thing', '%3Cscript%3E']) {
      const missing = await t.as(null).get(`/problems/${slug}`);
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(missing.body).toMatchObject({ type: '/problems/not-found', status: 404 });
      expect(missing.text).not.toContain('<script>');
    }
  });

  it('resolves the type of each problem the service answers with, at the same status and title', async () => {
    expect((await t.http().post('/v1/campaigns/pt-2/launch').send(campaignBrief())).status).toBe(201);
    const answers = [
      await t.as(null).get('/v1/projections'),
      await t.http().get('/v1/nothing'),
      await t.http().post('/v1/campaigns/pt-1/launch').send({}),
      await t.http().post('/v1/campaigns/pt-1/launch').set('If-Match', '"4"').send(campaignBrief()),
      await t
        .http()
        .post('/v1/campaigns/pt-1/launch')
        .send(campaignBrief({ launchedBy: 'person-sam' })),
      await t
        .http()
        .post('/v1/campaigns/pt-2/launch')
        .send(campaignBrief({ name: 'Again' })),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([401, 404, 400, 412, 422, 409]);
    for (const answer of answers) {
      const type = await t.as(null).get(answer.body.type).set('Accept', 'application/json');
      expect(type.status).toBe(200);
      expect(type.body).toMatchObject({
        type: answer.body.type,
        status: answer.status,
        title: answer.body.title,
      });
    }
  });

  it('serves a page for every type of the catalogue', async () => {
    for (const { type, status } of problemTypes()) {
      const page = await t.as(null).get(type);
      expect({ type, status: page.status }).toEqual({ type, status: 200 });
      expect(page.text).toContain(`HTTP ${status}`);
    }
  });

  it('escapes what it shows', () => {
    const html = problemPage({
      type: '/problems/x',
      title: '<script>alert(1)</script>',
      status: 400,
      description: 'a & b "c" \'d\' `<e>`',
      fix: '<img src=x onerror=alert(1)>',
    });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &amp; b &quot;c&quot; &#39;d&#39; <code>&lt;e&gt;</code>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img/);
  });
});
