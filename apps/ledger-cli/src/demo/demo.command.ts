import { periodOf } from '#domain';
import type { CliCommand, CliIo } from '../cli-io.js';
import { formatDuration, progressBar } from '../progress.js';
import {
  type LedgerService,
  URL_OPTION,
  URL_USAGE,
  ask,
  connectToLedger,
  parseCommandLine,
} from '../service/service-client.js';
import { demoHistory } from './demo-history.js';
import { type PostTally, emptyTally, postSitting } from './demo-post.js';

const USAGE = `ledger demo [--force] ${URL_USAGE}
    fills an empty ledger with twelve weeks of made-up history, some facts recorded late, and makes a leader
    and a viewer key; --force posts into a ledger that has events: it resumes an interrupted demo of the same
    week (what is there already is not posted again), and never belongs on a real ledger, which keeps
    everything   (LEDGER_API_KEY: an admin key)`;

/** The pause between the sittings, with the instant remembered in its middle. */
const PAUSE_MS = 1_500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const say = (io: CliIo, line: string) =>
  new Promise<void>((resolve) => io.stdout.write(`${line}\n`, () => resolve()));

/** The log's head: 0 for a ledger nothing was ever posted to. */
const headPosition = async (service: LedgerService): Promise<number> => {
  const page = await ask(service, 'ReadAllEvents', () =>
    service.client.GET('/v1/events', { params: { query: { limit: 1 } } }),
  );
  return page.headPosition;
};

/**
 * The ledger's own now (its clock stamps the recording times, so an as-of
 * instant must be on it), read through a scorecard; `minPosition` makes it
 * wait until the read models hold everything posted.
 */
const ledgerNow = async (service: LedgerService, position: number): Promise<string> => {
  const period = periodOf('week', new Date().toISOString());
  const card = await ask(service, `GetScorecard ${period}`, () =>
    service.client.GET('/v1/scorecards/{period}', {
      params: { path: { period }, query: position > 0 ? { minPosition: position } : {} },
    }),
  );
  return card.at;
};

interface Posted {
  tally: PostTally;
  /** An instant after the history and before the late facts, on the ledger's clock. */
  between: string;
  lateCommands: number;
  lateEvents: number;
}

/** Both sittings, with the pause between them that the as-of instant falls into. */
const postHistory = async (service: LedgerService, io: CliIo): Promise<Posted> => {
  const [history, late] = demoHistory(new Date());
  const tally = emptyTally();
  const bar = progressBar(io.stderr, 'demo [{bar}] {value}/{total} commands | ETA {eta_formatted}');
  bar.start(history.calls.length + late.calls.length, 0);
  try {
    await postSitting(service, history, tally, bar);
    await sleep(PAUSE_MS / 2);
    const between = await ledgerNow(service, tally.lastPosition);
    await sleep(PAUSE_MS / 2);
    const before = tally.events;
    await postSitting(service, late, tally, bar);
    return { tally, between, lateCommands: late.calls.length, lateEvents: tally.events - before };
  } finally {
    bar.stop();
  }
};

const createKey = (service: LedgerService, name: string, scopes: ('read' | 'personal-data')[]) =>
  ask(service, `CreateApiKey ${name}`, () => service.client.POST('/v1/api-keys', { body: { name, scopes } }));

/** `ledger demo`: a believable twelve weeks for the dashboard, posted through the public API. */
export const demoCommand: CliCommand = {
  name: 'demo',
  usage: USAGE,
  run: async (args, io) => {
    const options = { ...URL_OPTION, force: { type: 'boolean' } } as const;
    const { values } = parseCommandLine({ args, options }, USAGE);
    const service = connectToLedger(values.url, io.env);
    const head = await headPosition(service);
    if (head > 0 && values.force !== true) {
      const line = `the ledger at ${service.baseUrl} already holds ${head} events: no demo posted (--force posts it anyway)`;
      await say(io, line);
      return 0;
    }
    const started = Date.now();
    const { tally, between, lateCommands, lateEvents } = await postHistory(service, io);
    await ledgerNow(service, tally.lastPosition);
    const leader = await createKey(service, 'leader', ['read', 'personal-data']);
    const viewer = await createKey(service, 'viewer', ['read']);
    const replayed = tally.replayed > 0 ? ` (${tally.replayed} of them already there)` : '';
    const took = formatDuration((Date.now() - started) / 1000);
    await say(
      io,
      `posted ${tally.commands} commands${replayed}, ${tally.events} events, in ${took}; ${lateCommands} of the commands are facts recorded late`,
    );
    await say(
      io,
      lateEvents > 0
        ? `set the dashboard's as-of to ${between} to see the ledger before the late facts`
        : 'the late facts were already there from an earlier run: its as-of instant still shows the ledger before them',
    );
    await say(io, `leader key (read, personal-data): ${leader.secret}`);
    await say(io, `viewer key (read): ${viewer.secret}`);
    return 0;
  },
};
