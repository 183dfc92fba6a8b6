import type { DomainEvent, SchemaVersions } from '../shared/decider.js';
import type { Attendee } from '../shared/attendees.js';

/** What was celebrated: a period's shared goal, or particular deals. */
export type CelebrationSubject = { kind: 'goal'; period: string } | { kind: 'deals'; dealIds: string[] };

export type WinCelebrated = DomainEvent<
  'WinCelebrated',
  {
    celebrationId: string;
    subject: CelebrationSubject;
    attendees: Attendee[];
  }
>;

export type CelebrationEvent = WinCelebrated;

/** The current schema version of each event type; stored older versions are upcast on read. */
export const celebrationSchemaVersions: SchemaVersions<CelebrationEvent> = {
  WinCelebrated: 1,
};
