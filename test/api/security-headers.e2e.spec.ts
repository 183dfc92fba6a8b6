import { startTestApp } from '../support/test-app.js';

describe('security headers and CORS', () => {
  it('sends helmet headers on API answers (a strict CSP), and no CORS grant by default', async () => {
    const t = await startTestApp('pglite');
    try {
      const answer = await t.http().get('/v1/projections').set('Origin', 'https://evil.example');
      expect(answer.status).toBe(200);
      expect(answer.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringContaining('max-age='),
      });
      expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      // Swagger UI keeps the other headers, without a policy that would break its bundle.
      const docs = await t.as(null).get('/docs/');
      expect(docs.headers['x-content-type-options']).toBe('nosniff');
      expect(docs.headers['content-security-policy']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('answers a preflight from an allowed origin only, naming the headers a page may send and see', async () => {
    const t = await startTestApp('pglite', { LEDGER_CORS_ORIGINS: 'https://dash.example.com' });
    try {
      const preflight = (origin: string) =>
        t.as(null).options('/v1/scorecards/2026-11').set({
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        });
      const allowed = await preflight('https://dash.example.com');
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://dash.example.com');
      expect(allowed.headers['access-control-allow-headers']).toContain('Authorization');
      const other = await preflight('https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const read = await t.http().get('/v1/projections').set('Origin', 'https://dash.example.com');
      expect(read.headers['access-control-expose-headers']).toContain('ETag');
    } finally {
      await t.close();
    }
  });
});
