import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type Requirement, describeRequirement } from '#access';

/** Route metadata: what a caller needs to reach the route. */
export const ACCESS = 'ledger:access';

/** The metrics scrape: an admin key, or LEDGER_METRICS_TOKEN. */
export type RouteRequirement = Requirement | { metrics: true };

/**
 * What a route needs, declared next to it. A route without it is refused
 * (and the route enumeration test fails), so none is left open by accident.
 */
export const Access = (requirement: RouteRequirement) =>
  'public' in requirement
    ? SetMetadata(ACCESS, requirement)
    : applyDecorators(
        SetMetadata(ACCESS, requirement),
        ApiBearerAuth(),
        ApiUnauthorizedResponse({
          description: 'problem+json: no key, or one that is unknown, revoked or expired',
        }),
        ApiForbiddenResponse({
          description: `problem+json: the key lacks the scope (${'metrics' in requirement ? 'admin, or the metrics token' : describeRequirement(requirement)})`,
        }),
      );
