import { createHash } from 'node:crypto';
import type { components } from '#client';
import type { ProgressBar } from '../progress.js';
import { type LedgerService, refusal, send } from '../service/service-client.js';
import { type DemoCall, type DemoSitting, commandName, pathOf } from './demo-call.js';

type CommandResult = components['schemas']['CommandResultDto'];

/** How long one command may take before the ledger counts as not answering. */
const REQUEST_TIMEOUT_MS = 30_000;

export interface PostTally {
  commands: number;
  /** Commands the ledger had already taken (same Idempotency-Key and body): nothing appended. */
  replayed: number;
  events: number;
  /** The global position reached: read models are asked to wait for it. */
  lastPosition: number;
}

export const emptyTally = (): PostTally => ({ commands: 0, replayed: 0, events: 0, lastPosition: 0 });

/**
 * Derived from the command itself, so that a rerun (after a crash, with
 * --force) sends the same key with the same body and the ledger answers the
 * first result instead of appending again.
 */
const idempotencyKey = (demoCall: DemoCall): string =>
  `demo-${createHash('sha256')
    .update(JSON.stringify([demoCall.path, demoCall.params, demoCall.body]))
    .digest('base64url')
    .slice(0, 43)}`;

/**
 * One command. The calls are typed where they are built (demo-call.ts);
 * posted here as plain JSON, since openapi-fetch types a request by one
 * literal path and a sitting mixes them all.
 */
const postOne = (service: LedgerService, demoCall: DemoCall) =>
  send(service, async () => {
    const response = await fetch(`${service.baseUrl}${pathOf(demoCall)}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${service.credentials}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': idempotencyKey(demoCall),
      },
      body: JSON.stringify(demoCall.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const json: unknown = await response.json().catch(() => undefined);
    return response.status === 201
      ? { response, data: json as CommandResult, error: undefined }
      : { response, data: undefined, error: json };
  });

/** Posts a sitting's calls one after the other (order matters: a review needs its proposal); stops at a refusal. */
export const postSitting = async (
  service: LedgerService,
  sitting: DemoSitting,
  tally: PostTally,
  bar: ProgressBar,
): Promise<void> => {
  for (const [index, demoCall] of sitting.calls.entries()) {
    const { data, error, response } = await postOne(service, demoCall);
    if (data === undefined) {
      const what = `${commandName[demoCall.path]} ${pathOf(demoCall)} (${sitting.label}, command ${index + 1} of ${sitting.calls.length})`;
      throw refusal(what, response, error);
    }
    tally.commands += 1;
    if (response.headers.get('idempotent-replayed') === 'true') tally.replayed += 1;
    else tally.events += data.events.length;
    tally.lastPosition = Math.max(tally.lastPosition, data.globalPosition);
    bar.increment();
  }
};
