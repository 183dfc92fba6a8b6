/**
 * A command the domain refuses. `conflict`: it contradicts what already
 * happened (HTTP 409). `rule`: it breaks a business rule whatever the state (422).
 */
export class CommandRejected extends Error {
  constructor(
    readonly kind: 'conflict' | 'rule',
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Extra facts for the client, e.g. the phrases that made a note blaming. */
    readonly details: Readonly<Record<string, string | string[]>> = {},
  ) {
    super(message);
    this.name = 'CommandRejected';
  }
}
