import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { type Requirement, describeRequirement, satisfies } from '#access';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { ProblemException, problem } from '../http/problem.js';
import { LedgerMetrics } from '../metrics/ledger-metrics.js';
import { ACCESS, RATE_LIMIT, type RateLimitCategory, type RouteRequirement } from './access.decorator.js';
import { Authenticator, REALM, unauthorized } from './authenticator.js';
import { RateLimits } from './rate-limits.js';
import { type Caller, nameOf, setCaller } from './request-principal.js';

/** 403 insufficient-scope, with the challenge naming the scope to ask for. */
export const forbidden = (detail: string, scope: string) =>
  new ProblemException(
    problem(403, 'insufficient-scope', 'The caller may not do this', {
      detail,
      wwwAuthenticate: `${REALM}, error="insufficient_scope", scope="${scope}"`,
    }),
  );

const describeCaller = ({ principal }: Caller) =>
  principal.kind === 'api-key'
    ? `key ${principal.id} (${principal.name})`
    : `the token of ${principal.subject}`;

/** The bearer token of the request; null when there is no Authorization header. */
const bearerOf = (request: Request): string | null => {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer +([\x21-\x7e]{1,8192})$/i.exec(header.trim());
  if (!match) {
    throw unauthorized('invalid-authorization', 'Authorization must be "Bearer <key>"', 'invalid_request');
  }
  return match[1];
};

// Compared as hashes: equal lengths for timingSafeEqual, so not even the token's length leaks.
const digest = (token: string) => createHash('sha256').update(token).digest();
const sameToken = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

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
    private readonly authenticator: Authenticator,
    private readonly rateLimits: RateLimits,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    private readonly metrics: LedgerMetrics,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      return await this.admit(context);
    } catch (error) {
      // Refused before any interceptor runs, so counted here: a scan or a leaked key shows on /metrics.
      if (error instanceof ProblemException) {
        this.metrics.accessRefusals.inc({
          status: String(error.problem.status),
          reason: error.problem.type.replace('/problems/', ''),
        });
      }
      throw error;
    }
  }

  private async admit(context: ExecutionContext): Promise<boolean> {
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
    const caller = await this.authenticator.authenticate(token);
    setCaller(request, caller);
    const needed: Requirement = 'metrics' in requirement ? { scope: 'admin' } : requirement;
    if (!satisfies(caller.scopes, needed)) {
      const scope = describeRequirement(needed);
      throw forbidden(`${describeCaller(caller)} needs ${scope}`, scope.split(' or ')[0]);
    }
    const category =
      this.reflector.getAllAndOverride<RateLimitCategory | undefined>(RATE_LIMIT, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'reads';
    const response = context.switchToHttp().getResponse<Response>();
    await this.rateLimits.take(nameOf(caller.principal), category, response);
    return true;
  }
}
