import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // libs/client/src/schema.ts is generated (npm run client:generate): a test keeps it true to the document.
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.test-cache/', 'data/', 'libs/client/src/schema.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Small files and functions, so each does one thing (tests and benchmarks may run longer).
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/*/test/**', 'libs/testing/**'],
    rules: {
      'max-lines': ['error', { max: 200 }],
      'max-lines-per-function': ['error', { max: 60 }],
    },
  },
  {
    // The domain is pure and typed: no `any`, no escape hatches.
    files: ['libs/domain/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['apps/dashboard/**/*.tsx'],
    languageOptions: { globals: globals.browser },
  },
  prettier,
);
