import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { type Observable, map } from 'rxjs';
import type { AppendResult } from '#event-store';
import { sendCommandResult } from './command-response.js';

/** Turns what a command endpoint returns into its answer: 201, ETag, Location, replay header. */
@Injectable()
export class CommandResultInterceptor implements NestInterceptor<AppendResult> {
  intercept(context: ExecutionContext, next: CallHandler<AppendResult>): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(map((result) => sendCommandResult(response, result)));
  }
}
