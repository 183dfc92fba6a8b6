import { screenForBlame } from '../blame/blame-screen.js';
import { CommandRejected } from '../shared/command-rejected.js';
import { type RosterLookup, requireOnRoster } from '../shared/roster-lookup.js';
import { requireOpen } from './retro-rules.js';
import type { RetroNoteAdded } from './retro.events.js';
import type { RetroState } from './retro.state.js';

export type AddRetroNote = { type: 'AddRetroNote'; roster: RosterLookup } & RetroNoteAdded['data'];

/** Blame-free: a note that blames people or teams is refused and nothing is stored. */
export const addRetroNote = (command: AddRetroNote, state: RetroState): RetroNoteAdded[] => {
  if (command.author !== null) requireOnRoster(command.roster, command.author, 'author');
  requireOpen(state, command.retroId);
  if (state.noteIds.includes(command.noteId)) {
    throw new CommandRejected(
      'conflict',
      'retro-note-exists',
      `note ${command.noteId} is already on retro ${command.retroId}`,
      'noteId',
    );
  }
  const verdict = screenForBlame(command.text);
  if (verdict.blaming) {
    throw new CommandRejected(
      'rule',
      'blaming-note',
      `the note blames people or teams: ${verdict.phrases.map((p) => `"${p}"`).join(', ')}`,
      'text',
      {
        phrases: verdict.phrases,
        hint: verdict.hint,
      },
    );
  }
  const { type: _type, roster: _roster, ...note } = command;
  return [{ type: 'RetroNoteAdded', data: note }];
};
