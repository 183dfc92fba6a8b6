import type { IncomingMessage } from 'node:http';
import type { Scope } from '#access';
import type { Principal } from '#event-store';

/** Who the access guard found behind a request, and what they may do. */
export interface Caller {
  principal: Principal;
  scopes: readonly Scope[];
}

const callers = new WeakMap<IncomingMessage, Caller>();

export const setCaller = (request: IncomingMessage, caller: Caller): void => {
  callers.set(request, caller);
};

/** The caller the guard admitted, for work done on its behalf (the commands of a batch). */
export const callerOf = (request: IncomingMessage): Caller | undefined => callers.get(request);

/** Commands record it in their events' metadata. */
export const principalOf = (request: IncomingMessage): Principal | null =>
  callers.get(request)?.principal ?? null;

/** Whether the caller holds a scope beyond what the route required (personal data, say). */
export const callerHolds = (request: IncomingMessage, scope: Scope): boolean =>
  callers.get(request)?.scopes.includes(scope) ?? false;

/** A principal in one string for lists, logs and rate limits: the key id, or the token's subject at its issuer. */
export const nameOf = (principal: Principal): string =>
  principal.kind === 'api-key' ? principal.id : `${principal.subject}@${principal.issuer}`;

export const callerName = (request: IncomingMessage): string | null => {
  const principal = principalOf(request);
  return principal && nameOf(principal);
};
