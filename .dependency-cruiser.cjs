/**
 * The import boundaries of the architecture: apps → libs; projections →
 * domain + event-store; the event store knows nothing of the domain; the
 * domain imports nothing (no Nest, no I/O). Test files may use libs/testing.
 */
const notTests = '\\.spec\\.ts$|^libs/[^/]+/test/';

module.exports = {
  forbidden: [
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-imports-nothing',
      comment:
        'The domain is pure: only its own files, and the pure NLP model the blame screen runs on (no I/O). Tests may use libs/testing.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: notTests },
      to: { pathNot: '^libs/domain/|^node_modules/(wink-nlp|wink-eng-lite-web-model)/' },
    },
    {
      name: 'event-store-knows-no-domain',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: '^libs/(access|domain|projections)/' },
    },
    {
      name: 'access-uses-event-store-only',
      comment: 'Who may do what knows the database, not the domain or the read models.',
      severity: 'error',
      from: { path: '^libs/access/', pathNot: notTests },
      to: { path: '^(apps|libs/(domain|projections|testing))/' },
    },
    {
      name: 'audit-stands-alone',
      comment:
        'The Merkle tree, its proofs and the signed heads are what an auditor runs offline: node:crypto and canonical JSON, none of the ledger.',
      severity: 'error',
      from: { path: '^libs/audit/', pathNot: notTests },
      to: { path: '^(apps|libs/(?!audit/))' },
    },
    {
      name: 'client-stands-alone',
      comment:
        'The typed client is what integrations and the dashboard import: generated types and openapi-fetch, none of the service.',
      severity: 'error',
      from: { path: '^libs/client/' },
      to: { path: '^(apps|libs/(?!client/))' },
    },
    {
      name: 'dashboard-speaks-through-the-client',
      comment:
        'The leadership page reaches the ledger only through the typed client; of the domain it shares the period arithmetic alone.',
      severity: 'error',
      from: { path: '^apps/dashboard/' },
      to: {
        path: '^(apps|libs)/',
        pathNot: '^apps/dashboard/|^libs/client/|^libs/domain/src/shared/(period|ledger-time)\\.ts$',
      },
    },
    {
      name: 'projections-use-domain-and-event-store-only',
      severity: 'error',
      from: { path: '^libs/projections/', pathNot: notTests },
      to: { path: '^(apps|libs/testing)/' },
    },
    {
      name: 'production-code-never-imports-testing',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: `${notTests}|^libs/testing/` },
      to: { path: '^libs/testing/|^libs/[^/]+/test/' },
    },
    {
      name: 'no-cycles-between-app-folders',
      comment:
        'A folder of the service is one capability or concern: two folders that import each other are one tangle.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^apps/' },
      to: { path: '^apps/', circular: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
