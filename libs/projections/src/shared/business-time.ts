import type { Attendee } from '#domain';
import type { RecordedEvent } from '#event-store';

/** At least one attendee from each team. */
export const isJoint = (attendees: readonly Attendee[]): boolean =>
  attendees.some((a) => a.team === 'sales') && attendees.some((a) => a.team === 'marketing');

/**
 * When a fact happened for the scorecards: a deal when it closed, a huddle when
 * it was held, everything else when its command says it occurred.
 */
export const businessTimeOf = (event: RecordedEvent, data: Record<string, unknown>): string => {
  if (event.type === 'DealRecorded') return String(data.closedAt);
  if (event.type === 'HuddleHeld') return String(data.heldAt);
  return event.metadata.occurredAt;
};

/** The event types whose data carry a blameFlag. */
export const blameFlaggedTypes = [
  'ObjectionLogged',
  'CampaignReviewed',
  'BlindsideReported',
  'LeadRejected',
  'DealRecorded',
  'HuddleHeld',
  'RetroClosed',
] as const;
