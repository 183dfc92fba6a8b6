import { given } from '#testing';
import type { RosterLookup } from '../shared/roster-lookup.js';
import type { CompleteActionItem } from './complete-action-item.js';
import { huddleCapability } from './huddle.capability.js';
import type { ActionItemCompleted, HuddleHeld } from './huddle.events.js';

const roster: RosterLookup = { 'person-mia': 'marketing', 'person-sam': 'sales' };

const complete: CompleteActionItem = {
  type: 'CompleteActionItem',
  huddleId: '2026-w11-pipeline',
  actionItemId: 'ai-1',
  completedBy: 'person-mia',
  roster,
};

const held: HuddleHeld = {
  type: 'HuddleHeld',
  data: {
    huddleId: '2026-w11-pipeline',
    heldAt: '2026-03-09T09:30:00.000Z',
    attendees: [
      { personId: 'person-mia', team: 'marketing' },
      { personId: 'person-sam', team: 'sales' },
    ],
    numbersReviewed: true,
    working: [],
    notWorking: ["The battlecard doesn't cover the new competitor pricing."],
    objectionCategoriesDiscussed: ['competitor'],
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
    blameFlag: false,
  },
};

const firstDone: ActionItemCompleted = {
  type: 'ActionItemCompleted',
  data: { huddleId: '2026-w11-pipeline', actionItemId: 'ai-1', completedBy: 'person-mia' },
};

describe('CompleteActionItem', () => {
  it('given a held huddle, when its owner completes an action item, then ActionItemCompleted is recorded', () => {
    given(huddleCapability, [held])
      .when(complete)
      .then([
        {
          type: 'ActionItemCompleted',
          data: { huddleId: '2026-w11-pipeline', actionItemId: 'ai-1', completedBy: 'person-mia' },
        },
      ]);
  });

  it('given one item done, when someone from the other team completes the other item, then it is recorded', () => {
    given(huddleCapability, [held, firstDone])
      .when({ ...complete, actionItemId: 'ai-2', completedBy: 'person-mia' })
      .then([
        {
          type: 'ActionItemCompleted',
          data: { huddleId: '2026-w11-pipeline', actionItemId: 'ai-2', completedBy: 'person-mia' },
        },
      ]);
  });

  it('given the item is already done, when completed again, then nothing new happens', () => {
    given(huddleCapability, [held, firstDone])
      .when({ ...complete, completedBy: 'person-sam' })
      .then([]);
  });

  it('given no huddle, when an item is completed, then it is a conflict', () => {
    given(huddleCapability).when(complete).thenRejects('conflict', 'action-item-not-found');
  });

  it('given a held huddle, when an item it did not agree is completed, then it is a conflict', () => {
    given(huddleCapability, [held])
      .when({ ...complete, actionItemId: 'ai-9' })
      .thenRejects('conflict', 'action-item-not-found');
  });

  it('when the person completing it is not on the roster, then it is refused', () => {
    given(huddleCapability, [held])
      .when({ ...complete, completedBy: 'person-agency' })
      .thenRejects('rule', 'person-not-on-roster');
  });
});
