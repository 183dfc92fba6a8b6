import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { ProblemException, problem } from '../http/problem.js';

export type RateCategory = 'commands' | 'reads';

/**
 * Requests per key and window (a minute by default), commands and reads counted apart, in this
 * replica's memory (rate-limiter-flexible): with N replicas behind a load
 * balancer a key may make up to N times the limit. 0 turns a limit off.
 */
@Injectable()
export class RateLimits {
  private readonly limiters: Record<RateCategory, RateLimiterMemory | null>;

  constructor(@Inject(LEDGER_CONFIG) config: LedgerConfig) {
    const { commandsPerWindow, readsPerWindow, rateWindowSeconds: duration } = config.access;
    const limiter = (points: number) => (points === 0 ? null : new RateLimiterMemory({ points, duration }));
    this.limiters = { commands: limiter(commandsPerWindow), reads: limiter(readsPerWindow) };
  }

  /** Counts one request of the key, writes the RateLimit-* headers, and refuses it (429) over the limit. */
  async take(keyId: string, category: RateCategory, response: Response): Promise<void> {
    const limiter = this.limiters[category];
    if (!limiter) return;
    let state: RateLimiterRes;
    let refused = false;
    try {
      state = await limiter.consume(keyId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      state = error;
      refused = true;
    }
    const resetSeconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    response.setHeader('RateLimit-Limit', String(limiter.points));
    response.setHeader('RateLimit-Remaining', String(Math.max(0, state.remainingPoints)));
    response.setHeader('RateLimit-Reset', String(resetSeconds));
    if (refused) {
      throw new ProblemException(
        problem(429, 'rate-limited', 'Too many requests', {
          detail: `key ${keyId} may make ${limiter.points} ${category} per ${limiter.duration} s`,
          retryAfterSeconds: resetSeconds,
        }),
      );
    }
  }
}
