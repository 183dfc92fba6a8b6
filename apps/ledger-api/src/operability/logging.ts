import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger as PinoNestLogger, PinoLogger, type Params } from 'nestjs-pino';
import { type DestinationStream, type Logger, pino } from 'pino';
import { pinoHttp } from 'pino-http';
import type { LogLevel } from '../config/ledger-config.js';
import { logIdsInContext, logIdsOfRequest, requestIdOf } from './request-log-ids.js';

/** Probes and scrapes come every few seconds; a failing readiness check is logged by Terminus. */
const UNLOGGED = /^\/(health\/(live|ready)|metrics)(\?|$)/;

/**
 * The one pino logger of the process: JSON lines on stdout, ISO time, level
 * names. Every line written while a request is handled carries its ids.
 */
export const createLedgerLogger = (level: LogLevel, destination?: DestinationStream): Logger => {
  const options = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: logIdsInContext,
    // The serializers below never write headers; should anyone widen them, these stay out.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["idempotency-key"]',
        'req.headers["x-correlation-id"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
};

interface SerializedRequest {
  method: string;
  url: string;
}

/**
 * One line per finished request. Nothing of the body and no header is logged:
 * bodies hold notes and names, and headers hold credentials and — for an
 * anonymous retro note — ids that could name its author.
 */
export const requestLogging = (log: Logger) =>
  pinoHttp<IncomingMessage, ServerResponse>({
    logger: log,
    genReqId: requestIdOf,
    // Lines logged inside the request carry reqId (and, by the mixin, its ids), not the request.
    quietReqLogger: true,
    autoLogging: { ignore: (request) => UNLOGGED.test(request.url ?? '') },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
    customSuccessObject: (request, _response, value: object) => ({ ...value, ...logIdsOfRequest(request) }),
    customErrorObject: (request, _response, _error, value: object) => ({
      ...value,
      ...logIdsOfRequest(request),
    }),
    serializers: {
      req: ({ method, url }: SerializedRequest) => ({ method, url }),
      res: ({ statusCode }: { statusCode: number }) => ({ statusCode }),
    },
  });

/**
 * For LoggerModule: the request logger is mounted by createApp ahead of the
 * body parser (so refused bodies are logged too); nestjs-pino only binds it.
 */
export const pinoParams = (log: Logger): Params => ({ pinoHttp: { logger: log }, useExisting: true });

/** Nest's logger over `log`, for lines written before the application exists. */
export const nestLoggerOver = (log: Logger): PinoNestLogger =>
  new PinoNestLogger(new PinoLogger(pinoParams(log)), pinoParams(log));
