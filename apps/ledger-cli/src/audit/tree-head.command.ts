import { writeFile } from 'node:fs/promises';
import { type CliCommand, UsageError } from '../cli-io.js';
import { URL_OPTION, URL_USAGE, ask, connectToLedger, parseCommandLine } from '../service/service-client.js';

const HEAD_USAGE = `ledger tree-head ${URL_USAGE} [--size <n>] [--out head.json]`;
const KEY_USAGE = `ledger public-key ${URL_USAGE} [--out key.pem]`;

/** Writes to --out (or stdout) and says so on stderr. */
const deliver = async (
  text: string,
  out: string | undefined,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
  what: string,
) => {
  if (!out) {
    io.stdout.write(text);
    return;
  }
  await writeFile(out, text);
  io.stderr.write(`saved ${what} to ${out}\n`);
};

/** `ledger tree-head`: the latest signed tree head (or the one kept for --size), as GetTreeHead answers it. */
export const treeHeadCommand: CliCommand = {
  name: 'tree-head',
  usage: HEAD_USAGE,
  run: async (args, io) => {
    const { values } = parseCommandLine(
      { args, options: { ...URL_OPTION, size: { type: 'string' }, out: { type: 'string' } } },
      HEAD_USAGE,
    );
    const size = values.size === undefined ? undefined : Number(values.size);
    if (size !== undefined && !(Number.isSafeInteger(size) && size >= 0))
      throw new UsageError(`--size must be a tree size (0, 1, 2…)\nusage: ${HEAD_USAGE}`);
    const service = connectToLedger(values.url, io.env);
    const head = await ask(service, 'GetTreeHead', () =>
      service.client.GET('/v1/audit/tree-head', {
        params: { query: size === undefined ? {} : { treeSize: size } },
      }),
    );
    await deliver(
      `${JSON.stringify(head, null, 2)}\n`,
      values.out,
      io,
      `the tree head of size ${head.treeSize}`,
    );
    return 0;
  },
};

/** `ledger public-key`: the PEM that verifies the service's tree heads. */
export const publicKeyCommand: CliCommand = {
  name: 'public-key',
  usage: KEY_USAGE,
  run: async (args, io) => {
    const { values } = parseCommandLine(
      { args, options: { ...URL_OPTION, out: { type: 'string' } } },
      KEY_USAGE,
    );
    const service = connectToLedger(values.url, io.env);
    const key = await ask(service, 'GetPublicKey', () => service.client.GET('/v1/audit/public-key'));
    await deliver(key.pem, values.out, io, `public key ${key.keyId.slice(0, 16)}…`);
    return 0;
  },
};
