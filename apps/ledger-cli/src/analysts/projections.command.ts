import type { components } from '#client';
import { type CliCommand, UsageError } from '../cli-io.js';
import { URL_OPTION, URL_USAGE, ask, connectToLedger, parseCommandLine } from '../service/service-client.js';

type ProjectionStatus = components['schemas']['ProjectionStatusDto'];

const USAGE = `ledger projections [--format table|json] ${URL_USAGE}   (LEDGER_API_KEY: a key with read)`;

/** What is wrong with it, if anything: the event it is stuck on, and events left out by a skip. */
const failureOf = (status: ProjectionStatus): string => {
  const notes: string[] = [];
  const stuck = status.failedAt;
  if (stuck) {
    notes.push(
      `stuck at ${stuck.position} (${stuck.eventType}): ${stuck.error}, ${stuck.attempts} attempts since ${stuck.since}`,
    );
  } else if (status.error) {
    notes.push(status.error);
  }
  if (!status.exact) notes.push(`${status.skipped.length} events skipped: not an exact fold of the log`);
  return notes.join('; ');
};

const HEADINGS = ['NAME', 'VERSION', 'CHECKPOINT', 'LAG', 'STATE', 'FAILURE'];
/** Numbers right-aligned, text left-aligned; the last column runs free. */
const NUMERIC = [false, true, true, true, false, false];

/** The statuses as a plain-text table, one line per read model. */
const table = (statuses: ProjectionStatus[]): string => {
  const rows = statuses.map((status) => [
    status.name,
    String(status.version),
    String(status.checkpoint),
    String(status.lag),
    status.state,
    failureOf(status),
  ]);
  const widths = HEADINGS.map((heading, column) =>
    Math.max(heading.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1
          ? cell
          : NUMERIC[column]
            ? cell.padStart(widths[column])
            : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd();
  return [HEADINGS, ...rows].map((cells) => `${line(cells)}\n`).join('');
};

/** `ledger projections`: every read model the service keeps, and how far it has folded the log. */
export const projectionsCommand: CliCommand = {
  name: 'projections',
  usage: USAGE,
  run: async (args, io) => {
    const { values } = parseCommandLine(
      { args, options: { ...URL_OPTION, format: { type: 'string' } } },
      USAGE,
    );
    const format = values.format ?? 'table';
    if (format !== 'table' && format !== 'json')
      throw new UsageError(`--format is table or json\nusage: ${USAGE}`);
    const service = connectToLedger(values.url, io.env);
    const statuses = await ask(service, 'ListProjections', () => service.client.GET('/v1/projections'));
    io.stdout.write(format === 'json' ? `${JSON.stringify(statuses, null, 2)}\n` : table(statuses));
    return 0;
  },
};
