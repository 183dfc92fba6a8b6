import { given } from '#testing';
import { holdHuddle, huddleHeld } from '../../test/huddles.builders.js';
import type { Attendee } from '../shared/attendees.js';
import type { HoldHuddle } from './hold-huddle.js';
import { huddleCapability } from './huddle.capability.js';

const [first, second] = holdHuddle().actionItems;

/** A huddle that skipped the numbers and wrote nothing down. */
const short = {
  numbersReviewed: false,
  working: [],
  notWorking: [],
  objectionCategoriesDiscussed: [],
  actionItems: [],
};

describe('HoldHuddle', () => {
  it('given no history, when the weekly huddle is held, then HuddleHeld records it without blame', () => {
    given(huddleCapability)
      .when(holdHuddle())
      .then([huddleHeld({ blameFlag: false })]);
  });

  it('given no history, when a short huddle skips the numbers and has no notes, then heldAt is in UTC', () => {
    const attendees: Attendee[] = [{ personId: 'person-lena', team: 'sales' }];
    given(huddleCapability)
      .when(holdHuddle({ ...short, attendees, heldAt: '2026-03-09T10:30:00+01:00' }))
      .then([huddleHeld({ ...short, attendees, heldAt: '2026-03-09T09:30:00.000Z' })]);
  });

  it('given no history, when a not-working note blames a team, then HuddleHeld carries the blame flag', () => {
    const notWorking = ['Sales never follows up on the leads we send them.'];
    given(huddleCapability)
      .when(holdHuddle({ notWorking }))
      .then([huddleHeld({ notWorking, blameFlag: true })]);
  });

  it('given no history, when an action item blames a person, then HuddleHeld carries the blame flag', () => {
    const blaming = {
      working: [],
      notWorking: [],
      actionItems: [
        {
          ...first,
          description: 'Chris dropped the ball again on follow-up.',
          owner: 'person-lena',
          dueDate: '2026-03-16',
        },
      ],
    };
    given(huddleCapability)
      .when(holdHuddle(blaming))
      .then([huddleHeld({ ...blaming, blameFlag: true })]);
  });

  it('given the huddle was held, when held again, then it is a conflict', () => {
    given(huddleCapability, [
      huddleHeld({ ...short, attendees: [{ personId: 'person-sam', team: 'sales' }] }),
    ])
      .when(holdHuddle())
      .thenRejects('conflict', 'huddle-already-held');
  });

  it.each<[string, Partial<HoldHuddle>, string]>([
    ['when nobody attended, then it is refused', { attendees: [] }, 'no-attendees'],
    [
      'when an attendee is given the wrong team, then it is refused',
      {
        attendees: [
          { personId: 'person-mia', team: 'marketing' },
          { personId: 'person-lena', team: 'marketing' },
        ],
      },
      'person-not-in-marketing',
    ],
    [
      'when an attendee is listed twice, then it is refused',
      {
        attendees: [
          { personId: 'person-mia', team: 'marketing' },
          { personId: 'person-mia', team: 'marketing' },
        ],
      },
      'duplicate-attendee',
    ],
    [
      'when an attendee is not on the roster, then it is refused',
      { attendees: [{ personId: 'person-visitor', team: 'sales' }] },
      'person-not-on-roster',
    ],
    [
      'when two action items share an id, then it is refused',
      { actionItems: [first, { ...second, actionItemId: 'ai-1' }] },
      'duplicate-action-item',
    ],
    [
      'when an action item owner is not on the roster, then it is refused',
      { actionItems: [{ ...first, description: 'Book the agency call', owner: 'person-agency' }] },
      'person-not-on-roster',
    ],
    [
      'when an action item is due on a day that does not exist, then it is refused',
      {
        actionItems: [
          { ...first, description: 'Refresh the ICP slide', owner: 'person-omar', dueDate: '2026-02-30' },
        ],
      },
      'invalid-due-date',
    ],
    [
      'when heldAt is not an instant with a zone, then it is refused',
      { heldAt: 'Monday morning' },
      'invalid-held-at',
    ],
  ])('%s', (_title, overrides, code) => {
    given(huddleCapability).when(holdHuddle(overrides)).thenRejects('rule', code);
  });

  it('names the field of the offending attendee and action item', () => {
    given(huddleCapability)
      .when(
        holdHuddle({
          attendees: [
            { personId: 'person-sam', team: 'sales' },
            { personId: 'person-omar', team: 'sales' },
          ],
        }),
      )
      .thenRejects('rule', 'person-not-in-sales', 'attendees[1].personId');
    given(huddleCapability)
      .when(holdHuddle({ actionItems: [{ ...first, owner: 'person-nobody' }] }))
      .thenRejects('rule', 'person-not-on-roster', 'actionItems[0].owner');
  });
});
