import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { declareBatchPath } from './batch-path.js';
import { declareSecurity } from './operation-security.js';
import type { LedgerConfig } from '../config/ledger-config.js';
import { declareCrossCuttingProblems } from './cross-cutting-problems.js';
import { typeNullableUnions } from './nullable-unions.js';

/** Each tag of the document, with what its operations are for. */
const TAGS: Record<string, string> = {
  commands: 'Many commands in one request, each as its own endpoint would run it (backfills, imports)',
  'team roster': 'Who is on the sales and marketing teams; display names are personal data',
  campaigns: 'Marketing shares drafts with sales, launches, briefs reps; sales reports blindsides',
  objections: 'What sales hears from customers, and the content marketing publishes to answer it',
  leads: 'Marketing hands leads off; sales follows up within the shared SLA, accepts or rejects',
  deals: 'Deals won and lost, with the campaigns and objections behind them',
  'shared goals': 'The one revenue target and lead SLA both teams share, per period',
  celebrations: 'Wins celebrated together',
  huddles: 'The weekly joint huddle, its numbers and action items',
  retros: 'Blame-free retrospectives: notes by column, action items',
  scorecards: 'The shared scorecard, now or as of any past moment',
  'alignment health': 'The warning signs of a broken sales–marketing relationship, with evidence',
  streams: 'The raw history, one stream at a time (audit)',
  events: 'The whole history in its global order, and any one event by position (audit)',
  projections: 'Read models: their progress, rebuilds and repairs (admin)',
  'api keys': 'Keys for the systems that call the ledger (admin)',
  operability: 'Probes and metrics for the platform running the service',
  problems: 'What each problem type means and how to fix the request (public)',
};

/** The OpenAPI document the service serves at /docs-json: every operation, its security and its problems. */
export const createApiDocument = (app: INestApplication, config: LedgerConfig): OpenAPIObject => {
  const builder = new DocumentBuilder()
    .setTitle('Alignment Ledger')
    .setDescription(
      'The append-only record of what sales and marketing did and heard. Commands are POSTed to ' +
        '/v1/{things}/{id}/{verb}; every error is application/problem+json (RFC 9457), whose type names ' +
        'a page at /problems/{type}. Money is in integer minor units of the ledger’s currency ' +
        `(${config.currency}); instants are ISO 8601 with an offset.`,
    )
    .setVersion('1')
    // Relative: the document describes whichever host served it.
    .addServer('/', 'The service that serves this document')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description:
        'An API key lk_<id>_<secret> (see ListApiKeys); each operation names its scope in x-ledger-scope',
    });
  for (const [name, description] of Object.entries(TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build());
  // Set here: the builder's setters also write url and email, which would be empty, hence invalid.
  document.info.license = { name: 'UNLICENSED: proprietary, all rights reserved' };
  document.info.contact = { name: 'Alignment Ledger maintainers' };
  return typeNullableUnions(
    declareCrossCuttingProblems(declareSecurity(declareBatchPath(document), config.access.oidc)),
  );
};
