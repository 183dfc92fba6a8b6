import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { problemTypeOf, problemTypes } from './problem-catalogue.js';

/** The production sources of a folder (no tests, no catalogue). */
const sources = (root: string): { path: string; text: string }[] =>
  readdirSync(join(process.cwd(), root), { recursive: true, encoding: 'utf8' })
    .filter(
      (path) => path.endsWith('.ts') && !path.endsWith('.spec.ts') && !/^http\/problem-types\./.test(path),
    )
    .map((path) => ({
      path: `${root}/${path}`,
      text: readFileSync(join(process.cwd(), root, path), 'utf8'),
    }));

const APP = sources('apps/ledger-api/src');
const DOMAIN = sources('libs/domain/src');

/** Every (status, slug) a pattern finds in the sources. */
const emitted = (files: typeof APP, pattern: RegExp, status?: (match: RegExpMatchArray) => number) =>
  files.flatMap(({ path, text }) =>
    [...text.matchAll(pattern)].map((match) => ({
      path,
      slug: match[2],
      status: status?.(match) ?? Number(match[1]),
    })),
  );

const inCatalogue = ({ path, slug, status }: { path: string; slug: string; status: number }) => ({
  path,
  slug,
  status: problemTypeOf(slug)?.status ?? `not in the catalogue (answered with ${status})`,
});

describe('the problem catalogue', () => {
  it('explains every problem the service code answers with, at the status it is answered with', () => {
    const found = [
      // problem(409, 'rebuild-in-progress', …), across line breaks
      ...emitted(APP, /problem\(\s*(\d{3}),\s*'([a-z0-9-]+)'/g),
      // unauthorized('invalid-key', …) is always a 401
      ...emitted(APP, /unauthorized\(\s*(')([a-z0-9-]+)'/g, () => 401),
      // Nest's own HTTP errors: 404: ['not-found', 'Not Found']
      ...emitted(APP, /(\d{3}): \['([a-z0-9-]+)'/g),
    ];
    expect(found.length).toBeGreaterThan(25);
    expect(found.map(inCatalogue)).toEqual(found.map(({ path, slug, status }) => ({ path, slug, status })));
  });

  it('explains every code the domain refuses a command with: a conflict is a 409, a rule a 422', () => {
    const statusOf = (kind: string) => (kind === 'conflict' ? 409 : 422);
    const found = [
      // new CommandRejected('conflict', 'campaign-unknown', …)
      ...emitted(DOMAIN, /\(\s*'(conflict|rule)',\s*'([a-z0-9-]+)'/g, (m) => statusOf(m[1])),
      // the helpers: rule('no-deals', …), refuse('campaign-ended', …), { code: 'invalid-amount' }
      ...emitted(DOMAIN, /\b(rule)\(\s*'([a-z0-9-]+)'/g, () => 422),
      ...emitted(DOMAIN, /\b(refuse)\(\s*'([a-z0-9-]+)'/g, () => 409),
      ...emitted(DOMAIN, /\b(code): '([a-z0-9-]+)'/g, () => 422),
      // `person-not-in-${team}`
      ...['sales', 'marketing'].map((team) => ({
        path: 'roster-lookup',
        slug: `person-not-in-${team}`,
        status: 422,
      })),
    ];
    expect(found.length).toBeGreaterThan(40);
    expect(found.map(inCatalogue)).toEqual(found.map(({ path, slug, status }) => ({ path, slug, status })));
  });

  it('holds no type the code never answers with', () => {
    const code = [...APP, ...DOMAIN].map(({ text }) => text).join('\n');
    const unused = problemTypes()
      .map(({ type }) => type.replace('/problems/', ''))
      .filter((slug) => !code.includes(`'${slug}'`) && !slug.startsWith('person-not-in-'));
    expect(unused).toEqual([]);
  });

  it('gives each type a title, what it means and how to fix the request', () => {
    for (const type of problemTypes()) {
      expect(type).toEqual({
        type: expect.stringMatching(/^\/problems\/[a-z0-9]+(-[a-z0-9]+)*$/),
        title: expect.stringMatching(/\S/),
        status: expect.any(Number),
        description: expect.stringMatching(/\S{3}/),
        fix: expect.stringMatching(/\S{3}/),
      });
      expect(type.status >= 400 && type.status < 600).toBe(true);
    }
  });
});
