import type { IncomingMessage } from 'node:http';
import type { Principal } from '#event-store';

/** Who the access guard found behind a request; commands record it in their events' metadata. */
const principals = new WeakMap<IncomingMessage, Principal>();

export const setPrincipal = (request: IncomingMessage, principal: Principal): void => {
  principals.set(request, principal);
};

export const principalOf = (request: IncomingMessage): Principal | null => principals.get(request) ?? null;
