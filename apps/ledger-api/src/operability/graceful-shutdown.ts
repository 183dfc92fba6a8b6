import type { Server } from 'node:http';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { sendProblem } from '../http/problem-details.filter.js';
import { problem } from '../http/problem.js';

/**
 * The first step of shutdown (Nest calls onModuleDestroy before any other
 * hook): stop accepting connections and let the requests in flight finish,
 * while the projections still run and the database is still open. Then
 * ReadModels commits its batches and gives up its leases
 * (beforeApplicationShutdown), Nest closes the HTTP server, and the event
 * store closes the database (onApplicationShutdown).
 */
@Injectable()
export class GracefulShutdown implements OnModuleDestroy {
  private readonly logger = new Logger('Shutdown');
  private readonly inFlight = new Set<Response>();
  private idle: (() => void) | null = null;
  private draining = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  /** Whether shutdown has begun (new requests are refused from then on). */
  get isDraining(): boolean {
    return this.draining;
  }

  /** Express middleware: tracks the requests in flight and refuses new ones while draining. */
  readonly track = (request: Request, response: Response, next: NextFunction): void => {
    if (this.draining) {
      // A request on a kept-alive connection: the server no longer takes new ones.
      response.setHeader('Connection', 'close');
      const body = problem(503, 'shutting-down', 'The service is shutting down', {
        detail: 'send the request to another replica',
        retryAfterSeconds: 1,
      });
      return sendProblem(response, body, request.originalUrl);
    }
    this.inFlight.add(response);
    response.once('close', () => {
      this.inFlight.delete(response);
      if (this.inFlight.size === 0) this.idle?.();
    });
    next();
  };

  async onModuleDestroy(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server?.listening) server.close();
    server?.closeIdleConnections();
    this.draining = true;
    // Answered requests then close their connection, so the server can finish closing.
    for (const response of this.inFlight)
      if (!response.headersSent) response.setHeader('Connection', 'close');
    if (this.inFlight.size === 0) return;
    this.logger.log(`draining ${this.inFlight.size} request(s) in flight`);
    if (!(await this.requestsFinished())) {
      this.logger.warn(
        `${this.inFlight.size} request(s) still in flight after ${this.config.shutdownGraceMs} ms; closing their connections`,
      );
      server?.closeAllConnections();
    }
  }

  /** True when the last request finished, false when the grace period ran out first. */
  private requestsFinished(): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), this.config.shutdownGraceMs);
      this.idle = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }
}
