import type {
  RetroActionItem,
  RetroActionItemCompleted,
  retroCapability,
  RetroClosed,
  RetroNoteAdded,
  RetroOpened,
} from '../src/index.js';
import { type CommandOf, builders } from './builders.js';

type Command<Type extends string> = CommandOf<typeof retroCapability, Type>;

const roster = { mia: 'marketing', sam: 'sales' } as const;

const retroId = 'q3-retro';

const opening: RetroOpened['data'] = {
  retroId,
  subject: { kind: 'campaign', campaignId: 'q3' },
  facilitator: 'mia',
};
export const [openRetro, retroOpened] = builders<Command<'OpenRetro'>, RetroOpened>(
  { type: 'OpenRetro', ...opening, roster },
  { type: 'RetroOpened', data: opening },
);

/** An anonymous note. */
const note: RetroNoteAdded['data'] = {
  retroId,
  noteId: 'n1',
  column: 'to-improve',
  text: 'The pricing sheet reached reps after the first customer calls',
  author: null,
};
export const [addRetroNote, retroNoteAdded] = builders<Command<'AddRetroNote'>, RetroNoteAdded>(
  { type: 'AddRetroNote', ...note, roster },
  { type: 'RetroNoteAdded', data: note },
);

export const actionItem: RetroActionItem = {
  actionItemId: 'ai-1',
  description: 'Share drafts with sales two weeks before launch',
  owner: 'mia',
  dueDate: '2026-10-01',
};

const closing = { retroId, closedBy: 'mia', actionItems: [actionItem] };
export const [closeRetro, retroClosed] = builders<Command<'CloseRetro'>, RetroClosed>(
  { type: 'CloseRetro', ...closing, roster },
  { type: 'RetroClosed', data: { ...closing, blameFlag: false } },
);

const completion = { retroId, actionItemId: 'ai-1', completedBy: 'mia' };
export const [completeRetroActionItem, retroActionItemCompleted] = builders<
  Command<'CompleteRetroActionItem'>,
  RetroActionItemCompleted
>(
  { type: 'CompleteRetroActionItem', ...completion, roster },
  { type: 'RetroActionItemCompleted', data: completion },
);
