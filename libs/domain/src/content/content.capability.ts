import { capability } from '../shared/capability.js';
import { type AddressObjection, addressObjection } from './address-objection.js';
import type { ContentEvent } from './content.events.js';
import { type ContentState, evolveContent, initialContentState } from './content.state.js';
import { type WithdrawContent, withdrawContent } from './withdraw-content.js';

type ContentCommand = AddressObjection | WithdrawContent;

export const contentCapability = capability<ContentCommand, ContentEvent, ContentState>({
  initialState: initialContentState,
  evolve: evolveContent,
  streamIdOf: (command) => `content-${command.contentId}`,
  inputs: { roster: true },
  commands: {
    AddressObjection: { decide: addressObjection, actor: 'publishedBy' },
    WithdrawContent: { decide: withdrawContent, actor: 'withdrawnBy' },
  },
});
