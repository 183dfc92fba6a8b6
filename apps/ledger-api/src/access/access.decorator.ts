import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { type Requirement, describeRequirement } from '#access';
import { ApiProblems } from '../contract/api-problems.decorator.js';

/** Route metadata: what a caller needs to reach the route. */
export const ACCESS = 'ledger:access';

/** Route metadata: which rate limit a call counts against (commands, or reads and the rest). */
export const RATE_LIMIT = 'ledger:rate-limit';
export type RateLimitCategory = 'commands' | 'reads';

/** The metrics scrape: an admin key, or LEDGER_METRICS_TOKEN. */
export type RouteRequirement = Requirement | { metrics: true };

const scopeOf = (requirement: Exclude<RouteRequirement, { public: true }>) =>
  'metrics' in requirement ? 'admin, or the metrics token' : describeRequirement(requirement);

/**
 * What a route needs, declared next to it. A route without it is refused
 * (and the route enumeration test fails), so none is left open by accident.
 */
export const Access = (
  requirement: RouteRequirement,
  rateLimit: RateLimitCategory = 'command' in requirement || 'anyCommand' in requirement
    ? 'commands'
    : 'reads',
) =>
  'public' in requirement
    ? applyDecorators(SetMetadata(ACCESS, requirement), ApiExtension('x-ledger-scope', 'public'))
    : applyDecorators(
        SetMetadata(ACCESS, requirement),
        SetMetadata(RATE_LIMIT, rateLimit),
        ApiBearerAuth(),
        ApiExtension('x-ledger-scope', scopeOf(requirement)),
        ApiProblems({
          401: 'No credentials, or a key or token that is unknown, revoked or expired (WWW-Authenticate says which)',
          403: `The caller lacks the scope (${scopeOf(requirement)})`,
          429: 'Over the caller’s rate limit (RateLimit-* headers); retry after Retry-After seconds',
        }),
      );
