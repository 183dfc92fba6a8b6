import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Problem, PROBLEM_CONTENT_TYPE, problem } from './problem.js';
import { toProblem } from './problem-mapping.js';

/** Writes a problem; one that says when to retry also says it in Retry-After. */
export const sendProblem = (response: Response, problem: Problem, instance?: string): void => {
  const { wwwAuthenticate, etag, ...body } = problem;
  if (typeof body.retryAfterSeconds === 'number') {
    response.setHeader('Retry-After', String(body.retryAfterSeconds));
  }
  // A failed precondition (412) names the current representation in its ETag header, not in the body.
  if (typeof etag === 'string') response.setHeader('ETag', etag);
  // A challenge for the client's credentials (401, 403) goes in its header only.
  if (typeof wwwAuthenticate === 'string') response.setHeader('WWW-Authenticate', wwwAuthenticate);
  // end(), not send(): send() would tag the error body with a weak ETag of its own, which a client
  // could take for the stream's and send back as If-Match. A problem's only ETag is the stream's.
  response.status(body.status).setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  response.end(JSON.stringify(instance ? { ...body, instance } : body));
};

/** Every error leaves the service as application/problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const mapped = toProblem(error);
    if (!mapped) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    const body =
      mapped ??
      problem(500, 'internal-error', 'Internal error', {
        detail: 'The failure was logged; nothing was written.',
      });
    if (response.headersSent) return;
    sendProblem(response, body, request.originalUrl);
  }
}
