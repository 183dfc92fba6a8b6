import { MAX_LEAD_FOLLOW_UP_SLA_HOURS, type RuleCode } from '#domain';
import type { ProblemExplanation } from './problem-explanation.js';

const INSTANT = 'Send an ISO-8601 instant with a time zone, e.g. `2026-11-20T10:30:00+02:00`.';
const MINOR_UNITS = 'Send a whole number of minor units (cents for EUR: 1250 is 12.50 EUR).';

/** The domain's business rules (422): the command is refused whatever the stream holds. */
export const RULE_PROBLEM_TYPES: Record<RuleCode, ProblemExplanation> = {
  'blaming-note': {
    title: 'The note blames people or teams',
    description:
      'Retros are blame-free: the note passes a verdict on people or teams rather than describing what happened. `phrases` lists the words, `hint` how to say it.',
    fix: 'Describe the process and what to change (“the pricing sheet reached reps after the first calls”), not who failed.',
  },
  'currency-mismatch': {
    title: 'Not the ledger’s currency',
    description: 'The ledger counts money in one currency (`LEDGER_CURRENCY`), and the amount is in another.',
    fix: 'Convert the amount to the ledger’s currency (named in `detail`) before sending it.',
  },
  'duplicate-action-item': {
    title: 'Action item listed twice',
    description: 'Two action items share one id.',
    fix: 'Give each action item its own `actionItemId`.',
  },
  'duplicate-attendee': {
    title: 'Attendee listed twice',
    description: 'A person appears twice among the attendees.',
    fix: 'List each attendee once.',
  },
  'duplicate-deal': {
    title: 'Deal listed twice',
    description: 'A celebration names one deal twice.',
    fix: 'List each deal once in `subject.dealIds`.',
  },
  'invalid-amount': {
    title: 'Invalid amount',
    description: 'The amount is not a whole number of minor units, 0 or more.',
    fix: MINOR_UNITS,
  },
  'invalid-closed-at': {
    title: 'Invalid closedAt',
    description: 'The time the deal closed is not an instant with a time zone.',
    fix: INSTANT,
  },
  'invalid-due-date': {
    title: 'Invalid due date',
    description: 'An action item’s due date is not a calendar date.',
    fix: 'Send the date as `YYYY-MM-DD`.',
  },
  'invalid-held-at': {
    title: 'Invalid heldAt',
    description: 'The time the huddle was held is not an instant with a time zone.',
    fix: INSTANT,
  },
  'invalid-lead-follow-up-sla': {
    title: 'Invalid lead follow-up SLA',
    description: `The hours sales has to follow up a lead are not a whole number from 1 to ${MAX_LEAD_FOLLOW_UP_SLA_HOURS}.`,
    fix: `Send \`leadFollowUpSlaHours\` as a whole number of hours from 1 to ${MAX_LEAD_FOLLOW_UP_SLA_HOURS}.`,
  },
  'invalid-period': {
    title: 'Invalid period',
    description: 'The period is not an ISO week, a month or a quarter.',
    fix: 'Write it `YYYY-Www` (2026-W47), `YYYY-MM` (2026-11) or `YYYY-Qn` (2026-Q4).',
  },
  'invalid-retro-subject': {
    title: 'Invalid retro subject',
    description: 'The retro’s subject lacks the id or period its kind needs.',
    fix: 'Send `subject.campaignId` for kind campaign, `subject.dealId` for deal, `subject.period` for period.',
  },
  'invalid-revenue-target': {
    title: 'Invalid revenue target',
    description: 'The target is not a whole number of minor units above 0.',
    fix: MINOR_UNITS,
  },
  'loss-reason-on-won-deal': {
    title: 'Loss reason on a won deal',
    description: 'A won deal has no loss reason.',
    fix: 'Leave out `lossReason`, or record the deal as lost.',
  },
  'no-attendees': {
    title: 'No attendees',
    description: 'A huddle has at least one attendee.',
    fix: 'List who took part in `attendees`, each with their team.',
  },
  'no-deals': {
    title: 'No deals',
    description: 'A celebration of deals names at least one deal.',
    fix: 'List the deals in `subject.dealIds`.',
  },
  'occurred-at-in-future': {
    title: 'occurredAt is in the future',
    description: 'The business time is more than 5 minutes after the ledger’s clock.',
    fix: 'Send when it happened (leave `occurredAt` out for “now”), and check the sender’s clock.',
  },
  'person-not-in-marketing': {
    title: 'Not someone from marketing',
    description: 'The field must name someone on the marketing team, and the person is on sales.',
    fix: 'Name a member of marketing (`GET /v1/team-members` lists the roster).',
  },
  'person-not-in-sales': {
    title: 'Not someone from sales',
    description: 'The field must name someone on the sales team, and the person is on marketing.',
    fix: 'Name a member of sales (`GET /v1/team-members` lists the roster).',
  },
  'person-not-on-roster': {
    title: 'Not on the team roster',
    description: 'The field names a person who is not on the roster.',
    fix: 'Register the person first (`POST /v1/team-members/{personId}/register`), or check the id.',
  },
};
