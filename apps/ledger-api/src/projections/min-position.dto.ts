import { QueryInteger } from '../http/field-rules.js';

/** Read-your-writes: the globalPosition a command answered with. */
export class MinPositionQuery {
  @QueryInteger({
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 42,
    description:
      'Wait (up to LEDGER_READ_WAIT_MS, 5 s by default, then 503 with Retry-After) until the read model includes this global position',
  })
  minPosition?: number;
}
