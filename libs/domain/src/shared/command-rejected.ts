import type { ConflictCode, RejectionCode, RuleCode } from './rejection-codes.js';

export type { ConflictCode, RejectionCode, RuleCode } from './rejection-codes.js';

type Details = Readonly<Record<string, string | string[]>>;

/**
 * A command the domain refuses. `conflict`: it contradicts what already
 * happened (HTTP 409). `rule`: it breaks a business rule whatever the state (422).
 * The code is typed by its kind, so one code always means one status.
 */
export class CommandRejected extends Error {
  readonly kind: 'conflict' | 'rule';
  readonly code: RejectionCode;
  readonly field?: string;
  /** Extra facts for the client, e.g. the phrases that made a note blaming. */
  readonly details: Details;

  constructor(kind: 'conflict', code: ConflictCode, message: string, field?: string, details?: Details);
  constructor(kind: 'rule', code: RuleCode, message: string, field?: string, details?: Details);
  constructor(kind: 'conflict' | 'rule', code: RejectionCode, message: string, field?: string, details = {}) {
    super(message);
    this.name = 'CommandRejected';
    this.kind = kind;
    this.code = code;
    this.field = field;
    this.details = details;
  }
}
