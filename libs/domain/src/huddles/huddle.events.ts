import type { Attendee } from '../shared/attendees.js';
import type { DomainEvent, SchemaVersions } from '../shared/decider.js';

export interface HuddleActionItem {
  actionItemId: string;
  description: string;
  /** A person id, from either team. */
  owner: string;
  /** `YYYY-MM-DD`. */
  dueDate: string;
}

/** Sales and marketing met, looked (or did not look) at the numbers, and agreed what to do. */
export type HuddleHeld = DomainEvent<
  'HuddleHeld',
  {
    huddleId: string;
    /** UTC ISO instant. */
    heldAt: string;
    attendees: Attendee[];
    numbersReviewed: boolean;
    working: string[];
    notWorking: string[];
    objectionCategoriesDiscussed: string[];
    actionItems: HuddleActionItem[];
    /** The blame screen found a working/notWorking note or an action item pointing fingers. */
    blameFlag: boolean;
  }
>;

export type ActionItemCompleted = DomainEvent<
  'ActionItemCompleted',
  {
    huddleId: string;
    actionItemId: string;
    /** A person id, from either team. */
    completedBy: string;
  }
>;

export type HuddleEvent = HuddleHeld | ActionItemCompleted;

/** The current schema version of each event type; stored older versions are upcast on read. */
export const huddleSchemaVersions: SchemaVersions<HuddleEvent> = {
  HuddleHeld: 1,
  ActionItemCompleted: 1,
};
