import { HttpCode, SetMetadata, UseInterceptors, applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation } from '@nestjs/swagger';
import type { CommandCapability, Scope } from '#access';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../contract/api-problems.decorator.js';
import { COMMAND_NAME, CommandMetricsInterceptor } from './command-metrics.interceptor.js';
import { CommandResultInterceptor } from './command-result.interceptor.js';
import { CommandResultDto } from './command-response.js';

const COMMAND_RESULT_HEADERS = {
  ETag: {
    description: 'The stream revision after the command, quoted: send it as If-Match',
    schema: { type: 'string' },
  },
  Location: {
    description: 'The stream’s events (ReadStreamEvents)',
    schema: { type: 'string', format: 'uri-reference' },
  },
  'Idempotent-Replayed': {
    description: 'true when the answer is the first one, replayed for a retry; absent otherwise',
    schema: { type: 'string', enum: ['true'] },
  },
  'X-Correlation-Id': {
    description: 'The correlation id recorded in the events',
    schema: { type: 'string' },
  },
};

/**
 * A command endpoint: who may post it (commands:write or the capability's
 * own scope, unless it names another), its metrics (outermost, so they see failures of pipes and
 * handler alike; bodies refused by middleware name no command), its
 * 201 answer with ETag and Location, and OpenAPI (operationId = command name,
 * the shared headers and answers).
 */
export const CommandEndpoint = (
  capability: CommandCapability,
  commandName: string,
  summary: string,
  /** A scope that replaces the capability's: erasing personal data is not an integration's to do. */
  access?: { scope: Scope },
) =>
  applyDecorators(
    Access(access ?? { command: capability }, 'commands'),
    SetMetadata(COMMAND_NAME, commandName),
    UseInterceptors(CommandMetricsInterceptor, CommandResultInterceptor),
    HttpCode(201),
    ApiOperation({ operationId: commandName, summary }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
      description:
        'Makes retries safe: the same key and body return the first result and append nothing. Derived from the request content when omitted.',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      schema: { type: 'string', example: '"3"' },
      description:
        'The stream revision the command is based on: the ETag of an earlier answer, quoted ("3"), a list of them ("3", "4"), or * (the stream must exist); 412 if the stream has moved on. Unquoted or weak (W/"3") ETags are a 400. Without it, a race lost to another writer is decided again.',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
      description: 'Carried into the event metadata and echoed in the answer; generated when omitted.',
    }),
    ApiCreatedResponse({
      type: CommandResultDto,
      description: 'Appended (or replayed: header Idempotent-Replayed).',
      headers: COMMAND_RESULT_HEADERS,
    }),
    ApiProblems({
      400: 'A field, header or parameter is not valid, or the body is not JSON: errors names each and its rule',
      409: 'The command contradicts the history (launching twice, registering a forgotten person)',
      412: 'If-Match names a revision the stream has moved past',
      413: 'The body is larger than LEDGER_BODY_LIMIT',
      415: 'The body is not application/json',
      422: 'A business rule refused it (errors names the field), or the Idempotency-Key was used for another request',
      503: 'The event store or database is unavailable, or the service is shutting down: retry with the same Idempotency-Key',
    }),
  );
