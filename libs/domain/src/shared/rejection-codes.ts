/**
 * Every code a command can be refused with. Each is also the client's problem
 * type (`/problems/<code>`), so a new code does not compile until it is listed
 * here, and the service's problem catalogue does not compile until it explains it.
 */

/** It contradicts what already happened (HTTP 409). */
export type ConflictCode =
  | 'action-item-not-found'
  | 'campaign-already-launched'
  | 'campaign-already-proposed'
  | 'campaign-ended'
  | 'campaign-not-launched'
  | 'campaign-not-proposed'
  | 'campaign-unknown'
  | 'celebration-already-recorded'
  | 'content-already-published'
  | 'content-already-withdrawn'
  | 'content-not-published'
  | 'deal-already-recorded'
  | 'huddle-already-held'
  | 'lead-already-decided'
  | 'lead-already-handed-off'
  | 'lead-not-handed-off'
  | 'objection-already-logged'
  | 'person-already-registered'
  | 'person-forgotten'
  | 'person-not-registered'
  | 'retro-already-opened'
  | 'retro-closed'
  | 'retro-not-open'
  | 'retro-note-exists';

/** It breaks a business rule whatever the state (HTTP 422). */
export type RuleCode =
  | 'blaming-note'
  | 'currency-mismatch'
  | 'duplicate-action-item'
  | 'duplicate-attendee'
  | 'duplicate-deal'
  | 'invalid-amount'
  | 'invalid-closed-at'
  | 'invalid-due-date'
  | 'invalid-held-at'
  | 'invalid-lead-follow-up-sla'
  | 'invalid-period'
  | 'invalid-retro-subject'
  | 'invalid-revenue-target'
  | 'loss-reason-on-won-deal'
  | 'no-attendees'
  | 'no-deals'
  | 'occurred-at-in-future'
  | 'person-not-in-marketing'
  | 'person-not-in-sales'
  | 'person-not-on-roster';

export type RejectionCode = ConflictCode | RuleCode;
