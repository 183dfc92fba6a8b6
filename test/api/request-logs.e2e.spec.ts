import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { PostgresEventStore } from '#event-store';
import { createTestPglite } from '#testing';
import { createApp } from '../../apps/ledger-api/src/app.factory.js';
import { loadConfig } from '../../apps/ledger-api/src/config/ledger-config.js';
import { createLedgerLogger } from '../../apps/ledger-api/src/operability/logging.js';
import { testAdminKey, testSigningKey } from '../support/test-app.js';

interface LogLine {
  level: string;
  time: string;
  msg: string;
  reqId?: string;
  correlationId?: string;
  commandId?: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
}

const NOTE_TEXT = 'Handoffs on Fridays wait until Monday';
/** What the client of an anonymous note sends that could name its author. */
const CLIENT_IDS = { 'Idempotency-Key': 'sam-laptop-note-1', 'X-Correlation-Id': 'session-sam-42' };
/** A real key: every request authenticates with it, and no line may hold it. */
const ADMIN_KEY = testAdminKey();
const CREDENTIALS = { Authorization: `Bearer ${ADMIN_KEY}`, Cookie: 'sid=c00kie-value' };

/**
 * Its own app, logging at info into memory (the shared harness logs nothing).
 * Closing the app waits for every response, so all their lines are in by then.
 */
describe('request logs', () => {
  const output: string[] = [];
  let app: INestApplication;
  let lines: LogLine[];
  let anonymous: request.Response;
  let storedCorrelationId: string;
  let createdKey: string;

  beforeAll(async () => {
    const db = await createTestPglite();
    const log = createLedgerLogger('info', { write: (line: string) => void output.push(line) });
    app = await createApp(
      loadConfig({
        LOG_LEVEL: 'info',
        LEDGER_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
        LEDGER_SIGNING_KEY: testSigningKey,
      }),
      {
        database: db,
        log,
      },
    );
    await app.init();
    const http = () =>
      request
        .agent(app.getHttpServer() as App)
        .set({ Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' });
    await http()
      .post('/v1/team-members/noor/register')
      .send({ displayName: 'Noor Haddad', team: 'marketing' });
    await http().post('/v1/team-members/sam/register').send({ displayName: 'Sam Okafor', team: 'sales' });
    await http()
      .post('/v1/retros/r1/open')
      .send({ subject: { kind: 'period', period: '2026-W47' }, facilitator: 'noor' });
    const note = (body: object) =>
      http().post('/v1/retros/r1/add-note').set(CLIENT_IDS).set(CREDENTIALS).send(body);
    anonymous = await note({ noteId: 'n1', column: 'to-improve', text: NOTE_TEXT });
    expect(anonymous.status).toBe(201);
    // Refused before and during validation: still none of the client's ids.
    expect((await note({ noteId: 'n2', column: 'to-improve', text: NOTE_TEXT, mood: 'x' })).status).toBe(400);
    const malformed = await http()
      .post('/v1/retros/r1/add-note')
      .set(CLIENT_IDS)
      .set('content-type', 'application/json')
      .send(`{"noteId":"n3","text":"${NOTE_TEXT}"`);
    expect(malformed.status).toBe(400);
    const signed = await http()
      .post('/v1/retros/r1/add-note')
      .set({ 'Idempotency-Key': 'sam-note-2', 'X-Correlation-Id': 'corr-signed-2' })
      .send({ noteId: 'n4', column: 'kudos', text: 'The ROI calculator helped', author: 'sam' });
    expect(signed.status).toBe(201);
    const store = await PostgresEventStore.open(db);
    const [event] = await store.readAll({ afterPosition: anonymous.body.globalPosition - 1, maxCount: 1 });
    storedCorrelationId = event.metadata.correlationId;
    // A key created, used and revoked: its secret must reach no line either.
    const created = await http()
      .post('/v1/api-keys')
      .send({ name: 'log-probe', scopes: ['read'] });
    createdKey = created.body.secret;
    const asCreated = request(app.getHttpServer() as App).get('/v1/alignment-health');
    expect((await asCreated.set('Authorization', `Bearer ${createdKey}`)).status).toBe(200);
    expect((await http().post(`/v1/api-keys/${created.body.key.id}/revoke`)).status).toBe(200);
    await app.close();
    lines = output
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as LogLine);
  });

  const requestLine = (url: string, predicate: (line: LogLine) => boolean = () => true) =>
    lines.filter((line) => line.req?.url === url && predicate(line));

  it('writes one JSON line per request with level, time, reqId, correlation id and status', () => {
    const done = lines.filter((line) => line.req);
    // 7 commands and notes, then the key created, used and revoked.
    expect(done.length).toBe(10);
    for (const line of done) {
      expect(line.level).toBe('info');
      expect(new Date(line.time).toISOString()).toBe(line.time);
      expect(line.reqId).toEqual(expect.any(String));
      expect(line.correlationId).toEqual(expect.any(String));
      expect(line.res?.statusCode).toEqual(expect.any(Number));
    }
  });

  it('an anonymous note logs only its anonymised ids, the ones stored with its event', () => {
    const [line] = requestLine(
      '/v1/retros/r1/add-note',
      (l) => l.res?.statusCode === 201 && !!l.commandId?.startsWith('anonymous:'),
    );
    expect(line.commandId).toBe(anonymous.body.commandId);
    expect(line.correlationId).toBe(storedCorrelationId);
  });

  it('no log line holds the client’s ids of an anonymous note, its text, a name or a credential', () => {
    const everything = output.join('');
    for (const secret of [
      ...Object.values(CLIENT_IDS),
      NOTE_TEXT,
      'Noor Haddad',
      'Sam Okafor',
      // The keys' secret parts (an id is public and may be logged).
      ADMIN_KEY.slice(20),
      createdKey.slice(20),
      'c00kie',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('a signed command logs the client’s Idempotency-Key and correlation id', () => {
    const [line] = requestLine('/v1/retros/r1/add-note', (l) => l.commandId === 'sam-note-2');
    expect(line).toMatchObject({ correlationId: 'corr-signed-2', res: { statusCode: 201 } });
  });
});
