import { given } from '#testing';
import type { RosterLookup } from '../shared/roster-lookup.js';
import type { CelebrateWin } from './celebrate-win.js';
import { celebrationCapability } from './celebration.capability.js';
import type { WinCelebrated } from './celebration.events.js';

const roster: RosterLookup = {
  'person-mia': 'marketing',
  'person-omar': 'marketing',
  'person-sam': 'sales',
  'person-lena': 'sales',
};

const celebrateQuarter: CelebrateWin = {
  type: 'CelebrateWin',
  celebrationId: 'q1-goal-hit',
  subject: { kind: 'goal', period: '2026-Q1' },
  attendees: [
    { personId: 'person-mia', team: 'marketing' },
    { personId: 'person-sam', team: 'sales' },
  ],
  roster,
};

const celebrateDeals: CelebrateWin = {
  type: 'CelebrateWin',
  celebrationId: 'acme-and-initech',
  subject: { kind: 'deals', dealIds: ['acme-renewal-2026', 'initech-expansion'] },
  attendees: [
    { personId: 'person-lena', team: 'sales' },
    { personId: 'person-omar', team: 'marketing' },
    { personId: 'person-sam', team: 'sales' },
  ],
  roster,
};

describe('CelebrateWin', () => {
  it('given no history, when both teams celebrate the quarter goal, then WinCelebrated names the goal and who came', () => {
    given(celebrationCapability)
      .when(celebrateQuarter)
      .then([
        {
          type: 'WinCelebrated',
          data: {
            celebrationId: 'q1-goal-hit',
            subject: { kind: 'goal', period: '2026-Q1' },
            attendees: [
              { personId: 'person-mia', team: 'marketing' },
              { personId: 'person-sam', team: 'sales' },
            ],
          },
        },
      ]);
  });

  it('given no history, when both teams celebrate two deals, then WinCelebrated names the deals', () => {
    given(celebrationCapability)
      .when(celebrateDeals)
      .then([
        {
          type: 'WinCelebrated',
          data: {
            celebrationId: 'acme-and-initech',
            subject: { kind: 'deals', dealIds: ['acme-renewal-2026', 'initech-expansion'] },
            attendees: [
              { personId: 'person-lena', team: 'sales' },
              { personId: 'person-omar', team: 'marketing' },
              { personId: 'person-sam', team: 'sales' },
            ],
          },
        },
      ]);
  });

  it('given the celebration was recorded, when recorded again, then it is a conflict', () => {
    const celebrated: WinCelebrated = {
      type: 'WinCelebrated',
      data: {
        celebrationId: 'q1-goal-hit',
        subject: { kind: 'goal', period: '2026-Q1' },
        attendees: [
          { personId: 'person-mia', team: 'marketing' },
          { personId: 'person-sam', team: 'sales' },
        ],
      },
    };
    given(celebrationCapability, [celebrated])
      .when(celebrateQuarter)
      .thenRejects('conflict', 'celebration-already-recorded');
  });

  it('when nobody attended, then it is refused', () => {
    given(celebrationCapability)
      .when({ ...celebrateQuarter, attendees: [] })
      .thenRejects('rule', 'no-attendees');
  });

  it('when someone is listed twice, then it is refused', () => {
    given(celebrationCapability)
      .when({
        ...celebrateQuarter,
        attendees: [
          { personId: 'person-sam', team: 'sales' },
          { personId: 'person-mia', team: 'marketing' },
          { personId: 'person-sam', team: 'sales' },
        ],
      })
      .thenRejects('rule', 'duplicate-attendee');
  });

  it('when an attendee is given the wrong team, then it is refused', () => {
    given(celebrationCapability)
      .when({ ...celebrateQuarter, attendees: [{ personId: 'person-mia', team: 'sales' }] })
      .thenRejects('rule', 'person-not-in-sales');
  });

  it('when an attendee is not on the roster, then it is refused', () => {
    given(celebrationCapability)
      .when({
        ...celebrateQuarter,
        attendees: [
          { personId: 'person-sam', team: 'sales' },
          { personId: 'person-ceo', team: 'marketing' },
        ],
      })
      .thenRejects('rule', 'person-not-on-roster');
  });

  it('when a celebration of deals names no deal, then it is refused', () => {
    given(celebrationCapability)
      .when({ ...celebrateDeals, subject: { kind: 'deals', dealIds: [] } })
      .thenRejects('rule', 'no-deals');
  });

  it('when a celebration of deals names a deal twice, then it is refused', () => {
    given(celebrationCapability)
      .when({
        ...celebrateDeals,
        subject: { kind: 'deals', dealIds: ['acme-renewal-2026', 'acme-renewal-2026'] },
      })
      .thenRejects('rule', 'duplicate-deal');
  });

  it('when the goal period does not exist, then it is refused', () => {
    given(celebrationCapability)
      .when({ ...celebrateQuarter, subject: { kind: 'goal', period: '2021-W53' } })
      .thenRejects('rule', 'invalid-period');
  });

  it('names the attendee in the refusal', () => {
    expect(() =>
      celebrationCapability.decide(
        {
          ...celebrateDeals,
          attendees: [
            { personId: 'person-lena', team: 'sales' },
            { personId: 'person-omar', team: 'sales' },
          ],
        },
        celebrationCapability.initialState,
      ),
    ).toThrow(expect.objectContaining({ kind: 'rule', field: 'attendees[1].personId' }));
  });
});
