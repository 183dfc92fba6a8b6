import { timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { type Requirement, describeRequirement, satisfies } from '#access';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { ProblemException, problem } from '../http/problem.js';
import { ACCESS, type RouteRequirement } from './access.decorator.js';
import { KeyVerifier } from './key-verifier.js';
import { RateLimits } from './rate-limits.js';
import { setPrincipal } from './request-principal.js';

const REALM = 'Bearer realm="alignment-ledger"';

const unauthorized = (slug: string, detail: string, error?: string) =>
  new ProblemException(
    problem(401, slug, 'Authentication required', {
      detail,
      wwwAuthenticate: error ? `${REALM}, error="${error}"` : REALM,
    }),
  );

const forbidden = (detail: string, scope: string) =>
  new ProblemException(
    problem(403, 'insufficient-scope', 'The key may not do this', {
      detail,
      wwwAuthenticate: `${REALM}, error="insufficient_scope", scope="${scope}"`,
    }),
  );

/** The bearer token of the request; null when there is no Authorization header. */
const bearerOf = (request: Request): string | null => {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer +([\x21-\x7e]{1,512})$/i.exec(header.trim());
  if (!match) {
    throw unauthorized('invalid-authorization', 'Authorization must be "Bearer <key>"', 'invalid_request');
  }
  return match[1];
};

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The one door in front of every route: reads what the route declares
 * (@Access), authenticates the bearer key, checks its scopes and counts it
 * against its rate limit. A route that
 * declares nothing is refused: closed unless said otherwise.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: KeyVerifier,
    private readonly rateLimits: RateLimits,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<RouteRequirement | undefined>(ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (requirement === undefined)
      throw forbidden('this route declares no access, so nobody may call it', 'none');
    if ('public' in requirement) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const token = bearerOf(request);
    const { metricsToken } = this.config.access;
    if (
      'metrics' in requirement &&
      token !== null &&
      metricsToken !== null &&
      sameToken(token, metricsToken)
    ) {
      return true;
    }
    if (token === null) throw unauthorized('credentials-missing', 'send Authorization: Bearer <key>');
    const key = await this.verifier.verify(token);
    if (typeof key === 'string') {
      throw unauthorized('invalid-key', 'the key is unknown, revoked or expired', 'invalid_token');
    }
    setPrincipal(request, { kind: 'api-key', id: key.id, name: key.name });
    const needed: Requirement = 'metrics' in requirement ? { scope: 'admin' } : requirement;
    if (!satisfies(key.scopes, needed)) {
      const scope = describeRequirement(needed);
      throw forbidden(`key ${key.id} (${key.name}) needs ${scope}`, scope.split(' or ')[0]);
    }
    const category = 'command' in requirement ? 'commands' : 'reads';
    await this.rateLimits.take(key.id, category, context.switchToHttp().getResponse<Response>());
    return true;
  }
}
