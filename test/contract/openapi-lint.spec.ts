import { resolve } from 'node:path';
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import { startTestApp } from '../support/test-app.js';

/** Redocly's findings on the document a service serves with this environment, as "severity rule: where message". */
const lintServed = async (env: NodeJS.ProcessEnv = {}): Promise<string[]> => {
  const t = await startTestApp('pglite', env);
  try {
    const document = (await t.http().get('/docs-json')).text;
    const config = await loadConfig({ configPath: 'redocly.yaml' });
    const problems = await lintFromString({
      source: document, // The name .redocly.lint-ignore.yaml lists its findings under, resolved beside it.
      absoluteRef: resolve('docs-json.json'),
      config,
    });
    return problems
      .filter((found) => !found.ignored)
      .map(
        (found) => `${found.severity} ${found.ruleId}: ${found.location[0]?.pointer ?? ''} ${found.message}`,
      );
  } finally {
    await t.close();
  }
};

describe('the OpenAPI document, linted by Redocly (recommended rules, redocly.yaml)', () => {
  it('has no error and no warning', async () => {
    expect(await lintServed()).toEqual([]);
  });

  it('has none with a single sign-on configured either', async () => {
    const oidc = {
      LEDGER_OIDC_ISSUER: 'https://login.example.com/realms/sales',
      LEDGER_OIDC_AUDIENCE: 'ledger',
    };
    expect(await lintServed(oidc)).toEqual([]);
  });
});
