import { CommandRejected } from '../shared/command-rejected.js';
import type { RetroState } from './retro.state.js';

export const requireOpen = (state: RetroState, retroId: string): void => {
  if (state.status === 'none')
    throw new CommandRejected('conflict', 'retro-not-open', `retro ${retroId} was not opened`);
  if (state.status === 'closed')
    throw new CommandRejected('conflict', 'retro-closed', `retro ${retroId} is closed`);
};
