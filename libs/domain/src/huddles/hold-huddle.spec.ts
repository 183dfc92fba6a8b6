import { given } from '#testing';
import type { RosterLookup } from '../shared/roster-lookup.js';
import type { HoldHuddle } from './hold-huddle.js';
import { huddleCapability } from './huddle.capability.js';
import type { HuddleHeld } from './huddle.events.js';

const roster: RosterLookup = {
  'person-mia': 'marketing',
  'person-omar': 'marketing',
  'person-sam': 'sales',
  'person-lena': 'sales',
};

const hold: HoldHuddle = {
  type: 'HoldHuddle',
  huddleId: '2026-w11-pipeline',
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
  roster,
};

describe('HoldHuddle', () => {
  it('given no history, when the weekly huddle is held, then HuddleHeld records it without blame', () => {
    given(huddleCapability)
      .when(hold)
      .then([
        {
          type: 'HuddleHeld',
          data: {
            huddleId: '2026-w11-pipeline',
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
            blameFlag: false,
          },
        },
      ]);
  });

  it('given no history, when a short huddle skips the numbers and has no notes, then heldAt is in UTC', () => {
    given(huddleCapability)
      .when({
        ...hold,
        heldAt: '2026-03-09T10:30:00+01:00',
        attendees: [{ personId: 'person-lena', team: 'sales' }],
        numbersReviewed: false,
        working: [],
        notWorking: [],
        objectionCategoriesDiscussed: [],
        actionItems: [],
      })
      .then([
        {
          type: 'HuddleHeld',
          data: {
            huddleId: '2026-w11-pipeline',
            heldAt: '2026-03-09T09:30:00.000Z',
            attendees: [{ personId: 'person-lena', team: 'sales' }],
            numbersReviewed: false,
            working: [],
            notWorking: [],
            objectionCategoriesDiscussed: [],
            actionItems: [],
            blameFlag: false,
          },
        },
      ]);
  });

  it('given no history, when a not-working note blames a team, then HuddleHeld carries the blame flag', () => {
    given(huddleCapability)
      .when({ ...hold, notWorking: ['Sales never follows up on the leads we send them.'] })
      .then([
        {
          type: 'HuddleHeld',
          data: {
            huddleId: '2026-w11-pipeline',
            heldAt: '2026-03-09T09:30:00.000Z',
            attendees: [
              { personId: 'person-mia', team: 'marketing' },
              { personId: 'person-sam', team: 'sales' },
            ],
            numbersReviewed: true,
            working: ['Sales followed up on every webinar lead within a day.'],
            notWorking: ['Sales never follows up on the leads we send them.'],
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
            blameFlag: true,
          },
        },
      ]);
  });

  it('given no history, when an action item blames a person, then HuddleHeld carries the blame flag', () => {
    given(huddleCapability)
      .when({
        ...hold,
        working: [],
        notWorking: [],
        actionItems: [
          {
            actionItemId: 'ai-1',
            description: 'Chris dropped the ball again on follow-up.',
            owner: 'person-lena',
            dueDate: '2026-03-16',
          },
        ],
      })
      .then([
        {
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
            notWorking: [],
            objectionCategoriesDiscussed: ['price', 'competitor'],
            actionItems: [
              {
                actionItemId: 'ai-1',
                description: 'Chris dropped the ball again on follow-up.',
                owner: 'person-lena',
                dueDate: '2026-03-16',
              },
            ],
            blameFlag: true,
          },
        },
      ]);
  });

  it('given the huddle was held, when held again, then it is a conflict', () => {
    const held: HuddleHeld = {
      type: 'HuddleHeld',
      data: {
        huddleId: '2026-w11-pipeline',
        heldAt: '2026-03-09T09:30:00.000Z',
        attendees: [{ personId: 'person-sam', team: 'sales' }],
        numbersReviewed: false,
        working: [],
        notWorking: [],
        objectionCategoriesDiscussed: [],
        actionItems: [],
        blameFlag: false,
      },
    };
    given(huddleCapability, [held]).when(hold).thenRejects('conflict', 'huddle-already-held');
  });

  it('when nobody attended, then it is refused', () => {
    given(huddleCapability)
      .when({ ...hold, attendees: [] })
      .thenRejects('rule', 'no-attendees');
  });

  it('when an attendee is given the wrong team, then it is refused', () => {
    given(huddleCapability)
      .when({
        ...hold,
        attendees: [
          { personId: 'person-mia', team: 'marketing' },
          { personId: 'person-lena', team: 'marketing' },
        ],
      })
      .thenRejects('rule', 'person-not-in-marketing');
  });

  it('when an attendee is listed twice, then it is refused', () => {
    given(huddleCapability)
      .when({
        ...hold,
        attendees: [
          { personId: 'person-mia', team: 'marketing' },
          { personId: 'person-mia', team: 'marketing' },
        ],
      })
      .thenRejects('rule', 'duplicate-attendee');
  });

  it('when an attendee is not on the roster, then it is refused', () => {
    given(huddleCapability)
      .when({ ...hold, attendees: [{ personId: 'person-visitor', team: 'sales' }] })
      .thenRejects('rule', 'person-not-on-roster');
  });

  it('when two action items share an id, then it is refused', () => {
    const [first, second] = hold.actionItems;
    given(huddleCapability)
      .when({ ...hold, actionItems: [first, { ...second, actionItemId: 'ai-1' }] })
      .thenRejects('rule', 'duplicate-action-item');
  });

  it('when an action item owner is not on the roster, then it is refused', () => {
    given(huddleCapability)
      .when({
        ...hold,
        actionItems: [
          {
            actionItemId: 'ai-1',
            description: 'Book the agency call',
            owner: 'person-agency',
            dueDate: '2026-03-13',
          },
        ],
      })
      .thenRejects('rule', 'person-not-on-roster');
  });

  it('when an action item is due on a day that does not exist, then it is refused', () => {
    given(huddleCapability)
      .when({
        ...hold,
        actionItems: [
          {
            actionItemId: 'ai-1',
            description: 'Refresh the ICP slide',
            owner: 'person-omar',
            dueDate: '2026-02-30',
          },
        ],
      })
      .thenRejects('rule', 'invalid-due-date');
  });

  it('when heldAt is not an instant with a zone, then it is refused', () => {
    given(huddleCapability)
      .when({ ...hold, heldAt: 'Monday morning' })
      .thenRejects('rule', 'invalid-held-at');
  });

  it('names the field of the offending attendee and action item', () => {
    const decide = (command: HoldHuddle) => () =>
      huddleCapability.decide(command, huddleCapability.initialState);
    expect(
      decide({
        ...hold,
        attendees: [
          { personId: 'person-sam', team: 'sales' },
          { personId: 'person-omar', team: 'sales' },
        ],
      }),
    ).toThrow(expect.objectContaining({ field: 'attendees[1].personId' }));
    expect(decide({ ...hold, actionItems: [{ ...hold.actionItems[0], owner: 'person-nobody' }] })).toThrow(
      expect.objectContaining({ field: 'actionItems[0].owner' }),
    );
  });
});
