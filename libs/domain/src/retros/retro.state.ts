import type { RetroEvent } from './retro.events.js';

export interface RetroState {
  status: 'none' | 'open' | 'closed';
  noteIds: readonly string[];
  actionItemIds: readonly string[];
  completedItemIds: readonly string[];
}

export const initialRetroState: RetroState = {
  status: 'none',
  noteIds: [],
  actionItemIds: [],
  completedItemIds: [],
};

export const evolveRetro = (state: RetroState, event: RetroEvent): RetroState => {
  switch (event.type) {
    case 'RetroOpened':
      return { ...state, status: 'open' };
    case 'RetroNoteAdded':
      return { ...state, noteIds: [...state.noteIds, event.data.noteId] };
    case 'RetroClosed':
      return {
        ...state,
        status: 'closed',
        actionItemIds: event.data.actionItems.map((item) => item.actionItemId),
      };
    case 'RetroActionItemCompleted':
      return { ...state, completedItemIds: [...state.completedItemIds, event.data.actionItemId] };
  }
};
