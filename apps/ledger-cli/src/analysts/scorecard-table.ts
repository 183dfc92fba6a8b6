import type { Scorecard } from '#client';

/** The dotted paths of an answer's numeric fields; maps keyed by code (rejection reasons…) left out. */
type NumericPath<T, Prefix extends string = ''> = {
  [K in keyof T & string]: NonNullable<T[K]> extends number
    ? `${Prefix}${K}`
    : NonNullable<T[K]> extends object
      ? string extends keyof NonNullable<T[K]>
        ? never
        : NumericPath<NonNullable<T[K]>, `${Prefix}${K}.`>
      : never;
}[keyof T & string];

type Column = NumericPath<Scorecard>;

/** The columns after `period`, in the scorecard's order. */
export const COLUMNS = [
  'goal.revenueTarget',
  'goal.leadFollowUpSlaHours',
  'goal.revision',
  'revenue.won',
  'revenue.attainment',
  'revenue.campaignInfluenced',
  'deals.won',
  'deals.lost',
  'deals.winRate',
  'leads.handedOff',
  'leads.withinSla',
  'leads.breached',
  'leads.slaCompliance',
  'leads.medianResponseMinutes',
  'leads.accepted',
  'leads.rejected',
  'campaigns.launched',
  'campaigns.reviewedBeforeLaunch',
  'campaigns.briefingCoverage',
  'campaigns.blindsides',
  'objections.logged',
  'objections.coverage',
  'huddles.held',
  'huddles.joint',
  'huddles.weeklyCadence',
  'actionItems.opened',
  'actionItems.completed',
  'actionItems.overdue',
  'celebrations.joint',
  'blame.flagged',
] as const satisfies readonly Column[];

// Every numeric field of the scorecard has its column: a new one fails to compile until listed.
const everyColumn: [Exclude<Column, (typeof COLUMNS)[number]>] extends [never] ? true : false = true;
void everyColumn;

/** The period and each column's number (null: no goal, or nothing to divide by). */
const valuesOf = (card: Scorecard): (number | null)[] =>
  COLUMNS.map((path) => {
    const value = path
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key] ?? null, card);
    return typeof value === 'number' ? value : null;
  });

/** How rows are written and how a file of them is read back (to resume it). */
export interface TableFormat {
  /** The first line of the file, if the format has one. */
  header: string | null;
  /** How its files begin: an unfinished first line is only thrown away when it could be this. */
  opening: string;
  lineEnd: string;
  row(card: Scorecard): string;
  /** The period a written row is for; null when it is not a row of this table. */
  periodOf(line: string): string | null;
}

/** RFC 4180: a field with a comma, a quote or a line break in quotes, its quotes doubled. */
const csvField = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
const csvLine = (fields: string[]) => fields.map(csvField).join(',');

const CSV: TableFormat = {
  header: csvLine(['period', ...COLUMNS]),
  opening: csvLine(['period', ...COLUMNS]),
  lineEnd: '\r\n',
  row: (card) =>
    csvLine([card.period, ...valuesOf(card).map((value) => (value === null ? '' : String(value)))]),
  periodOf: (line) => {
    const period = line.split(',', 1)[0];
    return line.split(',').length === COLUMNS.length + 1 && /^\d{4}-[W\dQ]/.test(period) ? period : null;
  },
};

const JSON_KEYS = JSON.stringify(['period', ...COLUMNS]);

/** One JSON object per line (JSON Lines), keyed like the CSV's header: appendable, so resumable. */
const JSON_LINES: TableFormat = {
  header: null,
  opening: '{"period":"',
  lineEnd: '\n',
  row: (card) => {
    const values = valuesOf(card);
    return JSON.stringify(
      Object.fromEntries([['period', card.period], ...COLUMNS.map((column, i) => [column, values[i]])]),
    );
  },
  periodOf: (line) => {
    try {
      const row = JSON.parse(line) as Record<string, unknown>;
      return JSON.stringify(Object.keys(row)) === JSON_KEYS && typeof row.period === 'string'
        ? row.period
        : null;
    } catch {
      return null;
    }
  },
};

export const FORMATS = { csv: CSV, json: JSON_LINES } as const;

/** What an earlier run left in a file: its periods, and how much of it to keep (an unfinished last line goes). */
export interface Written {
  periods: string[];
  keepLength: number;
}

/** Reads a file an earlier run wrote; null when it is not this table (another header, a foreign line). */
export const readWritten = (content: string, format: TableFormat): Written | null => {
  const lines = content.split(format.lineEnd);
  const unfinished = lines.pop() ?? '';
  const keepLength = content.length - unfinished.length;
  const opening = format.opening;
  if (lines.length === 0 && !(opening.startsWith(unfinished) || unfinished.startsWith(opening))) return null;
  if (format.header !== null && lines.length > 0 && lines.shift() !== format.header) return null;
  const periods = lines.map((line) => format.periodOf(line));
  if (periods.some((period) => period === null)) return null;
  return { periods: periods.filter((period) => period !== null), keepLength };
};
