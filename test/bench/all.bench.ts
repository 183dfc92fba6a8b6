/**
 * Every benchmark in sequence, with small defaults (a few minutes on 2 cores),
 * then one table. Each can also run alone (npm run bench:<name>) with its own, larger, defaults.
 * Usage: npm run bench [-- --skip dashboard,audit | --only store-append] [--events 50000 --commands 500
 *   --count 1000 --batches 50 --proofs 100 --runs 10 --no-pglite]
 * Backends: embedded PGlite always; a PostgreSQL server too when DATABASE_URL is set.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { run as appendHttp } from './append-http.bench.js';
import { run as asOf } from './as-of.bench.js';
import { run as audit } from './audit.bench.js';
import { type BenchRow, type BenchSection, printTable } from './bench-table.js';
import { run as dashboard } from './dashboard.bench.js';
import { run as rebuild } from './rebuild.bench.js';
import { run as storeAppend } from './store-append.bench.js';

const { values } = parseArgs({
  options: {
    skip: { type: 'string', default: '' },
    only: { type: 'string', default: '' },
    events: { type: 'string', default: '50000' },
    commands: { type: 'string', default: '500' },
    count: { type: 'string', default: '1000' },
    batches: { type: 'string', default: '50' },
    proofs: { type: 'string', default: '100' },
    runs: { type: 'string', default: '10' },
    'no-pglite': { type: 'boolean', default: false },
  },
});
const pglite = !values['no-pglite'];
const events = Number(values.events);

const BENCHES: Record<string, () => Promise<BenchRow[]>> = {
  'store-append': () => storeAppend({ count: Number(values.count), batches: Number(values.batches), pglite }),
  'append-http': () => appendHttp({ commands: Number(values.commands), pglite }),
  rebuild: () => rebuild({ events, pglite }),
  'as-of': () => asOf({ events, pglite }),
  audit: () => audit({ events, proofs: Number(values.proofs), pglite }),
  dashboard: () => dashboard({ runs: Number(values.runs) }),
};

const list = (raw: string) => raw.split(',').filter(Boolean);
const unknown = [...list(values.skip), ...list(values.only)].filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; there are ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const chosen = Object.keys(BENCHES).filter(
  (name) => !list(values.skip).includes(name) && (values.only === '' || list(values.only).includes(name)),
);

const sections: BenchSection[] = [];
let failed = false;
for (const name of chosen) {
  const t0 = performance.now();
  console.error(`${name}…`);
  try {
    sections.push({ title: name, rows: await BENCHES[name]() });
  } catch (error) {
    // One broken benchmark does not hide the others' figures; the exit code tells.
    failed = true;
    console.error(error);
    const note = `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    sections.push({
      title: name,
      rows: [{ backend: '-', figure: '(benchmark)', value: NaN, unit: '', note }],
    });
  }
  console.error(`${name} done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
printTable(sections);
process.exit(failed ? 1 : 0);
