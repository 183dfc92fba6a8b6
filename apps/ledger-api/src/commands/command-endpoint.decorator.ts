import { HttpCode, SetMetadata, UseInterceptors, applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { CommandCapability, Scope } from '#access';
import { Access } from '../access/access.decorator.js';
import { COMMAND_NAME, CommandMetricsInterceptor } from './command-metrics.interceptor.js';
import { CommandResultInterceptor } from './command-result.interceptor.js';
import { CommandResultDto } from './command-response.js';

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
    Access(access ?? { command: capability }),
    SetMetadata(COMMAND_NAME, commandName),
    UseInterceptors(CommandMetricsInterceptor, CommandResultInterceptor),
    HttpCode(201),
    ApiOperation({ operationId: commandName, summary }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes retries safe: the same key and body return the first result and append nothing. Derived from the request content when omitted.',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The stream revision (ETag) the command is based on; 409 if the stream has moved on.',
    }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Carried into the event metadata.' }),
    ApiCreatedResponse({
      type: CommandResultDto,
      description: 'Appended (or replayed: header Idempotent-Replayed). ETag = stream revision.',
    }),
    ApiBadRequestResponse({ description: 'problem+json: invalid field, malformed JSON' }),
    ApiConflictResponse({
      description: 'problem+json: the command contradicts the stream, or If-Match is stale',
    }),
    ApiUnprocessableEntityResponse({
      description: 'problem+json: a business rule, or an Idempotency-Key reused with another body',
    }),
  );
