import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface.js';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

// The dashboard's page and assets are same-origin: no upgrade to https, which would leave a page
// served over plain http (a LAN host, a TLS-terminating proxy's backend) without its script.
const strict = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
// Swagger UI is a third-party page: it gets every header but the content security policy.
const docs = helmet({ contentSecurityPolicy: false });

/** Security headers (helmet) on every answer. */
export const securityHeaders = (request: Request, response: Response, next: NextFunction): void =>
  (request.path === '/docs' || request.path.startsWith('/docs/') ? docs : strict)(request, response, next);

/** CORS for the allowed origins only: the headers the API reads and the ones a page must see. */
export const corsOptions = (origins: readonly string[]): CorsOptions => ({
  origin: [...origins],
  methods: ['GET', 'POST'],
  allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Correlation-Id'],
  exposedHeaders: [
    'ETag',
    'Location',
    'Idempotent-Replayed',
    'Retry-After',
    'WWW-Authenticate',
    'X-Correlation-Id',
  ],
  maxAge: 600,
});
