import type { HuddleEvent } from './huddle.events.js';

export interface HuddleState {
  status: 'none' | 'held';
  actionItems: { actionItemId: string; completed: boolean }[];
}

export const initialHuddleState: HuddleState = { status: 'none', actionItems: [] };

export const evolveHuddle = (state: HuddleState, event: HuddleEvent): HuddleState => {
  switch (event.type) {
    case 'HuddleHeld':
      return {
        ...state,
        status: 'held',
        actionItems: event.data.actionItems.map(({ actionItemId }) => ({ actionItemId, completed: false })),
      };
    case 'ActionItemCompleted':
      return {
        ...state,
        actionItems: state.actionItems.map((item) =>
          item.actionItemId === event.data.actionItemId ? { ...item, completed: true } : item,
        ),
      };
  }
};
