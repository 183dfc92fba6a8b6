import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * Where `npm run build` put the dashboard (apps/dashboard/build.mjs): beside
 * the compiled service in dist/, or under dist/ when the service runs from
 * source (the tests).
 */
const CANDIDATES = ['../../../../dashboard', '../../../../dist/dashboard'];

export const dashboardDirectory = (): string | null => {
  const found = CANDIDATES.map((path) => fileURLToPath(new URL(path, import.meta.url))).find((dir) =>
    existsSync(`${dir}/index.html`),
  );
  return found ?? null;
};

/**
 * The leadership page at / and its assets at /assets: public files (they hold
 * no data; every figure comes from the API with the reader's key). The page
 * is revalidated on each visit so a new build is seen at once.
 */
export const serveDashboard = (app: NestExpressApplication, directory: string): void => {
  app.useStaticAssets(directory, {
    index: 'index.html',
    redirect: false,
    fallthrough: true,
    setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache'),
  });
};
