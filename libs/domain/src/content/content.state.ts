import type { ContentEvent } from './content.events.js';

export interface ContentState {
  status: 'none' | 'live' | 'withdrawn';
}

export const initialContentState: ContentState = { status: 'none' };

export const evolveContent = (_state: ContentState, event: ContentEvent): ContentState => ({
  status: event.type === 'ContentPublished' ? 'live' : 'withdrawn',
});
