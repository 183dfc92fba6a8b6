import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { type KeyObject, createPublicKey } from 'node:crypto';
import { type SignedTreeHead, keyIdOf, verifyConsistency } from '#audit';
import { type CliCommand, type CliIo, UsageError } from '../cli-io.js';
import {
  URL_OPTION,
  URL_USAGE,
  ask,
  connectToLedger,
  parseCommandLine,
  type LedgerService,
} from '../service/service-client.js';
import { type CheckedHistory, checkHistory, describeRun } from './check-history.js';
import { lastCompleteLine } from './history-file.js';
import { openExport } from './export-stream.js';
import { readPublicKey, readTreeHead, signatureProblem } from './tree-head-files.js';

const USAGE = `ledger verify <history.ndjson> [--tree-head head.json --public-key key.pem]
  ledger verify ${URL_USAGE} [--since head.json] [--public-key key.pem]`;

const OPTIONS = {
  ...URL_OPTION,
  'tree-head': { type: 'string' },
  'public-key': { type: 'string' },
  since: { type: 'string' },
} as const;

/** The one-line verdict, on stdout; 0 when it holds. */
const verdict = (io: CliIo, problem: string | null, ok: string): number => {
  io.stdout.write(problem === null ? `OK: ${ok}\n` : `BROKEN: ${problem}\n`);
  return problem === null ? 0 : 1;
};

/** Whether the checked history holds the head's tree: enough events, the same root. */
const headProblem = ({ check }: CheckedHistory, head: SignedTreeHead, name: string): string | null => {
  if (head.treeSize > check.size)
    return `${name} covers ${head.treeSize} events; the history holds only ${check.size}`;
  const root = check.rootAt(head.treeSize);
  return root === head.rootHash
    ? null
    : `the events 1…${head.treeSize} hash to root ${root}, but ${name} signed ${head.rootHash}: the history differs from the one it was signed over`;
};

const broken = ({ check }: CheckedHistory) =>
  check.broken ? `position ${check.broken.position}: ${check.broken.problem}` : null;

const verifyFile = async (
  file: string,
  values: { 'tree-head'?: string; 'public-key'?: string },
  io: CliIo,
) => {
  await access(file).catch(() => {
    throw new UsageError(`cannot read ${file}`);
  });
  const head = values['tree-head'] ? await readTreeHead(values['tree-head']) : null;
  const key = values['public-key'] ? await readPublicKey(values['public-key']) : null;
  if (head && !key) io.stderr.write('warning: no --public-key: the tree head’s signature is not checked\n');
  const unsigned = head && key ? signatureProblem(head, key, values['tree-head'] as string) : null;
  if (unsigned) return verdict(io, unsigned, '');
  const run = await checkHistory(
    createReadStream(file, { highWaterMark: 1 << 20 }),
    (await lastCompleteLine(file))?.event.globalPosition ?? 0,
    new Set(head ? [head.treeSize] : []),
    io,
  );
  const problem = broken(run) ?? (head ? headProblem(run, head, 'the tree head') : null);
  const signed = head
    ? `; root at ${head.treeSize} = the tree head${key ? ` signed by ${keyIdOf(key).slice(0, 16)}…` : ' (signature not checked)'}`
    : '';
  return verdict(
    io,
    problem,
    `${describeRun(run)}: every hash and link holds, root ${run.check.root()}${signed}`,
  );
};

const fetchKey = async (service: LedgerService, file: string | undefined, io: CliIo): Promise<KeyObject> => {
  if (file) return readPublicKey(file);
  io.stderr.write(
    'warning: the public key comes from the service itself; pin it with --public-key key.pem\n',
  );
  const published = await ask(service, 'GetPublicKey', () => service.client.GET('/v1/audit/public-key'));
  return createPublicKey(published.pem);
};

const verifyOverHttp = async (values: { url?: string; since?: string; 'public-key'?: string }, io: CliIo) => {
  const service = connectToLedger(values.url, io.env);
  const since = values.since ? await readTreeHead(values.since) : null;
  const key = await fetchKey(service, values['public-key'], io);
  // The head first: the export that follows reaches at least its size.
  const head = await ask(service, 'GetTreeHead', () => service.client.GET('/v1/audit/tree-head'));
  const unsigned =
    signatureProblem(head, key, 'the ledger’s latest tree head') ??
    (since ? signatureProblem(since, key, values.since as string) : null);
  if (unsigned) return verdict(io, unsigned, '');
  const exported = await openExport(service, 0);
  const run = await checkHistory(
    exported.chunks,
    exported.head,
    new Set([head.treeSize, ...(since ? [since.treeSize] : [])]),
    io,
  );
  let problem = broken(run) ?? headProblem(run, head, 'the latest tree head');
  if (problem === null && since)
    problem = (await sinceProblem(service, since, head)) ?? headProblem(run, since, values.since as string);
  const grown = since ? `; consistent with ${values.since} (size ${since.treeSize}): the log only grew` : '';
  return verdict(
    io,
    problem,
    `${describeRun(run)} from ${service.baseUrl}: every hash and link holds, root ${head.rootHash} = the signed head of size ${head.treeSize}${grown}`,
  );
};

/** The RFC 9162 consistency proof from a saved head to the latest, checked. */
const sinceProblem = async (
  service: LedgerService,
  since: SignedTreeHead,
  head: SignedTreeHead,
): Promise<string | null> => {
  if (since.treeSize > head.treeSize) {
    return `the saved head covers ${since.treeSize} events, the ledger’s latest only ${head.treeSize}: the log was truncated`;
  }
  if (since.treeSize === 0) return null;
  const proof = await ask(service, 'ProveConsistency', () =>
    service.client.GET('/v1/audit/proofs/consistency', {
      params: { query: { from: since.treeSize, to: head.treeSize } },
    }),
  );
  const hashes = proof.proof.map((hash) => Buffer.from(hash, 'hex'));
  const holds = verifyConsistency(
    since.treeSize,
    head.treeSize,
    Buffer.from(since.rootHash, 'hex'),
    Buffer.from(head.rootHash, 'hex'),
    hashes,
  );
  return holds
    ? null
    : `the consistency proof from the saved head (size ${since.treeSize}) to the latest (size ${head.treeSize}) fails: the log was rewritten since the head was saved`;
};

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCommandLine(
      { args, options: OPTIONS, allowPositionals: true },
      USAGE,
    );
    if (positionals.length === 1 && values.url === undefined && values.since === undefined)
      return verifyFile(positionals[0], values, io);
    if (positionals.length === 0 && values['tree-head'] === undefined) return verifyOverHttp(values, io);
    throw new UsageError(`usage: ${USAGE}`);
  },
};
