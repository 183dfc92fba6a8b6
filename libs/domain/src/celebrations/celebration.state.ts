import type { CelebrationEvent } from './celebration.events.js';

export interface CelebrationState {
  status: 'none' | 'celebrated';
}

export const initialCelebrationState: CelebrationState = { status: 'none' };

export const evolveCelebration = (state: CelebrationState, event: CelebrationEvent): CelebrationState => {
  switch (event.type) {
    case 'WinCelebrated':
      return { ...state, status: 'celebrated' };
  }
};
