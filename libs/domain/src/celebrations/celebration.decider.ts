import type { Decider } from '../shared/decider.js';
import { type CelebrateWin, celebrateWin } from './celebrate-win.js';
import type { CelebrationEvent } from './celebration.events.js';
import { type CelebrationState, evolveCelebration, initialCelebrationState } from './celebration.state.js';

export type CelebrationCommand = CelebrateWin;

export const celebrationStreamId = (celebrationId: string) => `celebration-${celebrationId}`;

export const celebrationDecider: Decider<CelebrationCommand, CelebrationEvent, CelebrationState> = {
  initialState: initialCelebrationState,
  evolve: evolveCelebration,
  decide: (command, state) => {
    switch (command.type) {
      case 'CelebrateWin':
        return celebrateWin(command, state);
    }
  },
};
