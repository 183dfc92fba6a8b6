import { availableParallelism } from 'node:os';

/** Jest in ESM mode (Nest 12 is ESM-only); @swc/jest compiles TypeScript with decorator metadata. */
const libs = ['access', 'audit', 'client', 'domain', 'event-store', 'projections', 'testing'];

export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    ...Object.fromEntries(libs.map((lib) => [`^#${lib}$`, `<rootDir>/libs/${lib}/src/index.ts`])),
    '^#event-store/(hash-chain|storable-json)$': '<rootDir>/libs/event-store/src/$1.ts',
    '^#domain/period$': '<rootDir>/libs/domain/src/shared/period.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
        },
        module: { type: 'es6' },
      },
    ],
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30_000,
  // Never in band: on 2 cores Jest's default (cores - 1) runs every suite in one process, whose heap grew to
  // 4 GB over the run and whose collections then stalled PGlite suites past their timeouts (31 min, 2
  // timeouts); two workers, replaced once idle above 1.5 GB, ran the same suites green in 11 min.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  workerIdleMemoryLimit: '1.5GB',
};
