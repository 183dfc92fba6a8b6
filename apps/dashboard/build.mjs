// Builds the leadership dashboard into dist/dashboard: one script, one stylesheet and the page,
// served by the service at /. esbuild bundles and minifies; the gzip sizes are printed.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '../../dist/dashboard');

await mkdir(join(out, 'assets'), { recursive: true });
await build({
  entryPoints: { app: join(here, 'src/main.tsx') },
  outdir: join(out, 'assets'),
  bundle: true,
  minify: true,
  // No source map: the page is served to anyone, and its source and build paths need not be.
  sourcemap: false,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // #client resolves to the typed client's TypeScript source (package.json "imports").
  conditions: ['source'],
  legalComments: 'linked',
  logLevel: 'warning',
});
await copyFile(join(here, 'public/index.html'), join(out, 'index.html'));

const sizes = await Promise.all(
  ['assets/app.js', 'assets/app.css', 'index.html'].map(async (file) => {
    const bytes = await readFile(join(out, file));
    return `${file} ${(bytes.length / 1024).toFixed(1)} KiB (gzip ${(gzipSync(bytes).length / 1024).toFixed(1)} KiB)`;
  }),
);
console.log(`dashboard: ${sizes.join(', ')}`);
