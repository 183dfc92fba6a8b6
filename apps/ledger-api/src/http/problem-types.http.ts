import type { ProblemExplanation } from './problem-explanation.js';
import { READ_MODEL_PROBLEM_TYPES } from './problem-types.read-models.js';

/** The problem types of the HTTP layer (the domain's rejections are in problem-types.rejections.ts). */
export type HttpProblemSlug = keyof typeof HTTP_PROBLEM_TYPES;

const RETRY =
  'Retry after `Retry-After` seconds with the same `Idempotency-Key`: a command is applied at most once.';

/** Each with the status it is answered with. */
export const HTTP_PROBLEM_TYPES = {
  'validation-failed': {
    status: 400,
    title: 'The request is not valid',
    description: 'A field of the body, a path or query parameter, or a header breaks a rule.',
    fix: 'Correct each entry of `errors`: its `field`, the `rule` it broke and a `message` saying what is expected.',
  },
  'malformed-json': {
    status: 400,
    title: 'The body is not valid JSON',
    description: 'The body could not be parsed as JSON.',
    fix: 'Send one JSON object, encoded as UTF-8, with `Content-Type: application/json`.',
  },
  'unreadable-body': {
    status: 400,
    title: 'The body could not be read',
    description: 'The body ended early, did not match its `Content-Length`, or could not be decoded.',
    fix: 'Send the whole body, with a `Content-Length` that matches it (or chunked transfer encoding).',
  },
  'bad-request': {
    status: 400,
    title: 'Bad Request',
    description:
      'The request could not be served as sent (400, or another 4xx status without a type of its own).',
    fix: 'Read `detail`, correct the request and send it again.',
  },
  'credentials-missing': {
    status: 401,
    title: 'Authentication required',
    description: 'The request carries no `Authorization` header, and the route is not public.',
    fix: 'Send `Authorization: Bearer <key>` with an API key (`lk_<id>_<secret>`) or, where single sign-on is set up, an access token.',
  },
  'invalid-authorization': {
    status: 401,
    title: 'Authentication required',
    description: 'The `Authorization` header is not of the form `Bearer <credential>`.',
    fix: 'Send `Authorization: Bearer <key>`: the word Bearer, a space, and the key or token.',
  },
  'invalid-key': {
    status: 401,
    title: 'Authentication required',
    description: 'The API key is unknown, revoked or expired.',
    fix: 'Use a current key; an admin lists keys with `GET /v1/api-keys` and creates one with `POST /v1/api-keys`.',
  },
  'invalid-token': {
    status: 401,
    title: 'Authentication required',
    description:
      'The access token is not signed by the configured issuer for this audience, has expired, or names no subject.',
    fix: 'Get a fresh access token from the identity provider for the ledger’s audience.',
  },
  'insufficient-scope': {
    status: 403,
    title: 'The caller may not do this',
    description:
      'The key or token is valid but lacks the scope the route needs (named in `detail` and `WWW-Authenticate`).',
    fix: 'Ask an admin for a key with that scope; the scope of each operation is its `x-ledger-scope` in `/docs-json`.',
  },
  'not-found': {
    status: 404,
    title: 'Not Found',
    description: 'No such route, no such resource (a stream with no events), or no such problem type.',
    fix: 'Check the path against `/docs`, and the id you sent.',
  },
  ...READ_MODEL_PROBLEM_TYPES,
  'method-not-allowed': {
    status: 405,
    title: 'Method Not Allowed',
    description: 'The route exists but not with this method.',
    fix: 'Commands are `POST`, reads are `GET`: see `/docs`.',
  },
  'precondition-failed': {
    status: 412,
    title: 'The stream is not at the revision If-Match names',
    description:
      'The command was sent with `If-Match`, and the stream has moved on since (RFC 9110 §13.1.1). `actualRevision` is its revision now, and the `ETag` header carries it. Nothing was written.',
    fix: 'Read the stream again (`GET /v1/streams/{streamId}/events`), decide whether the command still makes sense, and send it with the new ETag in `If-Match`, or without `If-Match` to let the ledger decide it against whatever the stream holds.',
  },
  'body-too-large': {
    status: 413,
    title: 'The body is too large',
    description:
      'The body is larger than the service accepts (`limitBytes`; `LEDGER_BODY_LIMIT`, and `LEDGER_BATCH_BODY_LIMIT` for ExecuteCommands).',
    fix: 'Send a smaller body: split a large batch into several requests.',
  },
  'too-many-commands': {
    status: 413,
    title: 'Too many commands in one request',
    description:
      'An ExecuteCommands request carries more commands than the service takes at once (`limit`; `LEDGER_BATCH_MAX_COMMANDS`). Nothing of it was run.',
    fix: 'Split the commands into requests of at most `limit` each, in order; `ledger import-commands` does it for you.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported content type',
    description:
      'The body is not declared as JSON, or is in an encoding or charset the service does not read. Every POST says it is JSON, an empty one too.',
    fix: 'Send the body as `Content-Type: application/json`, in UTF-8.',
  },
  'idempotency-key-reused': {
    status: 422,
    title: 'Idempotency key reused for a different request',
    description:
      'The `Idempotency-Key` was first used with another method, path or body; a key names one request.',
    fix: 'Send a new `Idempotency-Key` for a new request; resend the first body to get the first answer.',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    description:
      'The caller has used up its commands or reads for the current window (`RateLimit-*` headers).',
    fix: 'Wait `Retry-After` seconds, then go on at a lower rate.',
  },
  'internal-error': {
    status: 500,
    title: 'Internal error',
    description: 'Something unexpected failed inside the service. It was logged, and nothing was written.',
    fix: 'Retry with the same `Idempotency-Key`; if it persists, report it with the `X-Correlation-Id` of the answer.',
  },
  'database-unavailable': {
    status: 503,
    title: 'The database is not available',
    description: 'The database could not be reached or dropped the connection; nothing was half-written.',
    fix: RETRY,
  },
  'event-store-unavailable': {
    status: 503,
    title: 'The event store is not available',
    description: 'The event store did not answer, or did not confirm an append.',
    fix: RETRY,
  },
  'stream-contention': {
    status: 503,
    title: 'The stream is too busy',
    description:
      'Other writers kept changing the stream while the command was decided, longer than the service retries (`LEDGER_COMMAND_RETRY_MS`). It is contention, not an error in the request; nothing was written.',
    fix: RETRY,
  },
  'identity-provider-unavailable': {
    status: 503,
    title: 'The identity provider is not available',
    description:
      'The signing keys of the single sign-on issuer could not be fetched, so the token cannot be checked.',
    fix: 'Retry after `Retry-After` seconds; API keys keep working meanwhile.',
  },
  'not-ready': {
    status: 503,
    title: 'Not ready',
    description: 'The readiness probe: the event store or the read-model database does not answer.',
    fix: 'Send traffic to another replica until this one answers 200 again.',
  },
  'service-unavailable': {
    status: 503,
    title: 'Service Unavailable',
    description: 'The service cannot serve the request just now.',
    fix: 'Retry after a short wait.',
  },
  'shutting-down': {
    status: 503,
    title: 'The service is shutting down',
    description: 'This replica is stopping and takes no new requests.',
    fix: 'Send the request again (another replica serves it); a command with the same `Idempotency-Key`.',
  },
} satisfies Record<string, ProblemExplanation & { status: number }>;
