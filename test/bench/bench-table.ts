/**
 * What every benchmark answers: rows of one table, each figure next to the
 * raw database rate (or the peer) measured in the same run, and the ratio.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export type BenchBackendName = 'PGlite' | 'PostgreSQL' | '-';

export interface BenchRow {
  backend: BenchBackendName;
  figure: string;
  value: number;
  unit: string;
  reference?: { name: string; value: number };
  /** value / reference.value */
  ratio?: number;
  note?: string;
}

export interface BenchSection {
  title: string;
  rows: BenchRow[];
}

/** A row compared with a reference: the ratio is worked out here. */
export const compared = (
  row: Omit<BenchRow, 'reference' | 'ratio'>,
  name: string,
  value: number,
): BenchRow => ({ ...row, reference: { name, value }, ratio: row.value / value });

/** Grouped thousands for rates, one or two decimals for small figures; '-' when not measured. */
const formatNumber = (n: number): string => {
  if (!Number.isFinite(n)) return '-';
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  return n.toFixed(Math.abs(n) >= 10 ? 1 : 2);
};

const formatRatio = (ratio: number | undefined): string =>
  ratio === undefined || !Number.isFinite(ratio) ? '' : ratio.toFixed(ratio < 0.1 ? 3 : 2);

const HEADER = ['backend', 'figure', 'value', 'unit', 'reference', 'ratio', 'note'];
/** Columns aligned to the right (numbers). */
const RIGHT = new Set([2, 4, 5]);

const cells = (row: BenchRow): string[] => [
  row.backend,
  row.figure,
  formatNumber(row.value),
  row.unit,
  row.reference ? `${row.reference.name} ${formatNumber(row.reference.value)}` : '',
  formatRatio(row.ratio),
  row.note ?? '',
];

/** The table as text: one header, then each section's title line and its rows. */
export const formatTable = (sections: readonly BenchSection[]): string => {
  const body = sections.flatMap((section) => section.rows.map(cells));
  const widths = HEADER.map((title, column) =>
    Math.max(title.length, ...body.map((line) => line[column].length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, column) =>
        RIGHT.has(column) ? value.padStart(widths[column]) : value.padEnd(widths[column]),
      )
      .join(' | ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  const out = [line(HEADER), rule];
  for (const section of sections) {
    out.push(`[${section.title}]`);
    out.push(...section.rows.map((row) => line(cells(row))));
  }
  return out.join('\n');
};

export const printTable = (sections: readonly BenchSection[]): void => {
  console.log(`\n${formatTable(sections)}`);
  console.log(`\nnode ${process.version}; ratio = value / reference, measured in the same run.`);
  if (!process.env.DATABASE_URL)
    console.log('PostgreSQL: skipped (set DATABASE_URL to a server to include it)');
};

/** p50, p95, p99 and max of latencies in ms. */
export const latencies = (samples: readonly number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] };
};

/** A latency figure: the p50 as its value, the tail in the note. */
export const latencyRow = (
  backend: BenchBackendName,
  figure: string,
  samples: readonly number[],
  extra = '',
  digits = 1,
): BenchRow => {
  const { p50, p95, p99, max } = latencies(samples);
  const tail = `p95 ${p95.toFixed(digits)}, p99 ${p99.toFixed(digits)}, max ${max.toFixed(digits)} ms`;
  return {
    backend,
    figure: `${figure} p50`,
    value: p50,
    unit: 'ms',
    note: extra ? `${tail}; ${extra}` : tail,
  };
};

/** Runs a benchmark on its own when its file is the one node was started with, then prints its table. */
export const runIfMain = (moduleUrl: string, title: string, run: () => Promise<BenchRow[]>): void => {
  if (!process.argv[1] || pathToFileURL(resolve(process.argv[1])).href !== moduleUrl) return;
  run().then(
    (rows) => printTable([{ title, rows }]),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
