import type { DomainEvent, SchemaVersions } from '../shared/decider.js';

export type RetroSubject =
  | { kind: 'campaign'; campaignId: string }
  | { kind: 'deal'; dealId: string }
  | { kind: 'period'; period: string };

export type RetroColumn = 'went-well' | 'to-improve' | 'learning' | 'kudos';

export interface RetroActionItem {
  actionItemId: string;
  description: string;
  owner: string;
  dueDate: string;
}

export type RetroOpened = DomainEvent<
  'RetroOpened',
  { retroId: string; subject: RetroSubject; facilitator: string }
>;

export type RetroNoteAdded = DomainEvent<
  'RetroNoteAdded',
  {
    retroId: string;
    noteId: string;
    column: RetroColumn;
    text: string;
    /** Null for an anonymous note: then nothing identifying the author is stored anywhere. */
    author: string | null;
  }
>;

export type RetroClosed = DomainEvent<
  'RetroClosed',
  { retroId: string; closedBy: string; actionItems: RetroActionItem[]; blameFlag: boolean }
>;

export type RetroActionItemCompleted = DomainEvent<
  'RetroActionItemCompleted',
  { retroId: string; actionItemId: string; completedBy: string }
>;

export type RetroEvent = RetroOpened | RetroNoteAdded | RetroClosed | RetroActionItemCompleted;

/** The current schema version of each event type; stored older versions are upcast on read. */
export const retroSchemaVersions: SchemaVersions<RetroEvent> = {
  RetroOpened: 1,
  RetroNoteAdded: 1,
  RetroClosed: 1,
  RetroActionItemCompleted: 1,
};
