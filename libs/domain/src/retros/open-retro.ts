import { CommandRejected } from '../shared/command-rejected.js';
import { type RosterLookup, requireOnRoster } from '../shared/roster-lookup.js';
import type { RetroOpened } from './retro.events.js';
import type { RetroState } from './retro.state.js';

export type OpenRetro = { type: 'OpenRetro'; roster: RosterLookup } & RetroOpened['data'];

export const openRetro = (command: OpenRetro, state: RetroState): RetroOpened[] => {
  requireOnRoster(command.roster, command.facilitator, 'facilitator');
  if (state.status !== 'none') {
    throw new CommandRejected(
      'conflict',
      'retro-already-opened',
      `retro ${command.retroId} was already opened`,
    );
  }
  const { type: _type, roster: _roster, ...data } = command;
  return [{ type: 'RetroOpened', data }];
};
