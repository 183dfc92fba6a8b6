import { OptionalInstant } from '../http/field-rules.js';
import { MinPositionQuery } from './min-position.dto.js';

/** Read-your-writes plus "as of": what the ledger knew at an instant. */
export class AsOfQuery extends MinPositionQuery {
  @OptionalInstant({
    example: '2026-11-20T12:00:00Z',
    description: 'Answer with only the events recorded at or before this instant (and evaluate at it)',
  })
  asOf?: string;
}
