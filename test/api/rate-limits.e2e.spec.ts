import { ApiKeyStore } from '#access';
import { backends, startTestApp } from '../support/test-app.js';

describe.each(backends)('rate limits per key (%s)', (backend) => {
  it('counts reads per key, answers 429 with Retry-After and RateLimit-* over the limit, and lets the key in again', async () => {
    const t = await startTestApp(backend, { LEDGER_RATE_LIMIT_READS: '3', LEDGER_RATE_LIMIT_WINDOW_S: '2' });
    try {
      const keys = new ApiKeyStore(t.database);
      const busy = (await keys.create({ name: 'busy', scopes: ['read', 'commands:write'] })).secret;
      const calm = (await keys.create({ name: 'calm', scopes: ['read'] })).secret;
      const remaining: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const answer = await t.as(busy).get('/v1/projections');
        expect(answer.status).toBe(200);
        remaining.push(answer.headers['ratelimit-remaining']);
      }
      expect(remaining).toEqual(['2', '1', '0']);
      const refused = await t.as(busy).get('/v1/projections');
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ type: '/problems/rate-limited', status: 429 });
      expect(refused.headers).toMatchObject({ 'ratelimit-limit': '3', 'ratelimit-remaining': '0' });
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      // Another key, and the same key's commands, are counted apart.
      expect((await t.as(calm).get('/v1/projections')).status).toBe(200);
      const command = await t.as(busy).post('/v1/team-members/person-rl/register').send({
        displayName: 'Rate Limited',
        team: 'sales',
      });
      expect(command.status).toBe(201);
      // Once the window the answer named has passed, the key may read again.
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
      expect((await t.as(busy).get('/v1/projections')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('counts ForgetTeamMember, a command under the personal-data scope, against the commands limit', async () => {
    const t = await startTestApp(backend, { LEDGER_RATE_LIMIT_READS: '1', LEDGER_RATE_LIMIT_COMMANDS: '50' });
    try {
      await t
        .http()
        .post('/v1/team-members/person-rl2/register')
        .send({ displayName: 'Rate Limited', team: 'sales' });
      expect((await t.http().get('/v1/projections')).status).toBe(200);
      const forget = await t.http().post('/v1/team-members/person-rl2/forget').send({});
      expect(forget.status).toBe(201);
      expect(forget.headers['ratelimit-limit']).toBe('50');
    } finally {
      await t.close();
    }
  });
});
