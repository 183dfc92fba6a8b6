import type { ActionItemCompleted, huddleCapability, HuddleHeld } from '../src/index.js';
import { type CommandOf, builders } from './builders.js';
import { roster } from './roster.builders.js';

type Command<Type extends string> = CommandOf<typeof huddleCapability, Type>;

const huddleId = '2026-w11-pipeline';

/** The weekly pipeline huddle: both teams, the numbers reviewed, one action item each. */
const huddle: Omit<HuddleHeld['data'], 'blameFlag'> = {
  huddleId,
  heldAt: '2026-03-09T09:30:00.000Z',
  attendees: [
    { personId: 'person-mia', team: 'marketing' },
    { personId: 'person-sam', team: 'sales' },
  ],
  numbersReviewed: true,
  working: ['Sales followed up on every webinar lead within a day.'],
  notWorking: ["The battlecard doesn't cover the new competitor pricing."],
  objectionCategoriesDiscussed: ['price', 'competitor'],
  actionItems: [
    {
      actionItemId: 'ai-1',
      description: 'Update the battlecard with the new competitor pricing',
      owner: 'person-mia',
      dueDate: '2026-03-13',
    },
    {
      actionItemId: 'ai-2',
      description: 'Share the three lost-on-price call notes with marketing',
      owner: 'person-sam',
      dueDate: '2026-03-11',
    },
  ],
};
export const [holdHuddle, huddleHeld] = builders<Command<'HoldHuddle'>, HuddleHeld>(
  { type: 'HoldHuddle', ...huddle, roster },
  { type: 'HuddleHeld', data: { ...huddle, blameFlag: false } },
);

/** Mia completes her battlecard item. */
const completion = { huddleId, actionItemId: 'ai-1', completedBy: 'person-mia' };
export const [completeActionItem, actionItemCompleted] = builders<
  Command<'CompleteActionItem'>,
  ActionItemCompleted
>({ type: 'CompleteActionItem', ...completion, roster }, { type: 'ActionItemCompleted', data: completion });
