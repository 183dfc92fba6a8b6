import type { celebrationCapability, WinCelebrated } from '../src/index.js';
import { type CommandOf, builders } from './builders.js';
import { roster } from './roster.builders.js';

type Command<Type extends string> = CommandOf<typeof celebrationCapability, Type>;

/** Mia and Sam celebrate hitting the first quarter's shared goal. */
const quarterGoal: WinCelebrated['data'] = {
  celebrationId: 'q1-goal-hit',
  subject: { kind: 'goal', period: '2026-Q1' },
  attendees: [
    { personId: 'person-mia', team: 'marketing' },
    { personId: 'person-sam', team: 'sales' },
  ],
};

/** Three people celebrate two deals. */
export const twoDeals: WinCelebrated['data'] = {
  celebrationId: 'acme-and-initech',
  subject: { kind: 'deals', dealIds: ['acme-renewal-2026', 'initech-expansion'] },
  attendees: [
    { personId: 'person-lena', team: 'sales' },
    { personId: 'person-omar', team: 'marketing' },
    { personId: 'person-sam', team: 'sales' },
  ],
};

export const [celebrateWin, winCelebrated] = builders<Command<'CelebrateWin'>, WinCelebrated>(
  { type: 'CelebrateWin', ...quarterGoal, roster },
  { type: 'WinCelebrated', data: quarterGoal },
);
