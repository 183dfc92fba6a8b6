import { capability } from '../shared/capability.js';
import { type CelebrateWin, celebrateWin } from './celebrate-win.js';
import type { CelebrationEvent } from './celebration.events.js';
import { type CelebrationState, evolveCelebration, initialCelebrationState } from './celebration.state.js';

type CelebrationCommand = CelebrateWin;

export const celebrationCapability = capability<CelebrationCommand, CelebrationEvent, CelebrationState>({
  initialState: initialCelebrationState,
  evolve: evolveCelebration,
  streamIdOf: (command) => `celebration-${command.celebrationId}`,
  inputs: { roster: true },
  commands: {
    // Celebrated together: the attendees are the subject, nobody acts alone.
    CelebrateWin: { decide: celebrateWin, actor: null },
  },
});
