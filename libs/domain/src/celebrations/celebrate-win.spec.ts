import { given } from '#testing';
import { celebrateWin, twoDeals, winCelebrated } from '../../test/celebrations.builders.js';
import type { CelebrateWin } from './celebrate-win.js';
import { celebrationCapability } from './celebration.capability.js';

describe('CelebrateWin', () => {
  it('given no history, when both teams celebrate the quarter goal, then WinCelebrated names the goal and who came', () => {
    given(celebrationCapability).when(celebrateWin()).then([winCelebrated()]);
  });

  it('given no history, when both teams celebrate two deals, then WinCelebrated names the deals', () => {
    given(celebrationCapability)
      .when(celebrateWin(twoDeals))
      .then([winCelebrated(twoDeals)]);
  });

  it('given the celebration was recorded, when recorded again, then it is a conflict', () => {
    given(celebrationCapability, [winCelebrated()])
      .when(celebrateWin())
      .thenRejects('conflict', 'celebration-already-recorded');
  });

  it.each<[string, Partial<CelebrateWin>, string]>([
    ['when nobody attended, then it is refused', { attendees: [] }, 'no-attendees'],
    [
      'when someone is listed twice, then it is refused',
      {
        attendees: [
          { personId: 'person-sam', team: 'sales' },
          { personId: 'person-mia', team: 'marketing' },
          { personId: 'person-sam', team: 'sales' },
        ],
      },
      'duplicate-attendee',
    ],
    [
      'when an attendee is given the wrong team, then it is refused',
      { attendees: [{ personId: 'person-mia', team: 'sales' }] },
      'person-not-in-sales',
    ],
    [
      'when an attendee is not on the roster, then it is refused',
      {
        attendees: [
          { personId: 'person-sam', team: 'sales' },
          { personId: 'person-ceo', team: 'marketing' },
        ],
      },
      'person-not-on-roster',
    ],
    [
      'when a celebration of deals names no deal, then it is refused',
      { ...twoDeals, subject: { kind: 'deals', dealIds: [] } },
      'no-deals',
    ],
    [
      'when a celebration of deals names a deal twice, then it is refused',
      { ...twoDeals, subject: { kind: 'deals', dealIds: ['acme-renewal-2026', 'acme-renewal-2026'] } },
      'duplicate-deal',
    ],
    [
      'when the goal period does not exist, then it is refused',
      { subject: { kind: 'goal', period: '2021-W53' } },
      'invalid-period',
    ],
  ])('%s', (_title, overrides, code) => {
    given(celebrationCapability).when(celebrateWin(overrides)).thenRejects('rule', code);
  });

  it('names the attendee in the refusal', () => {
    given(celebrationCapability)
      .when(
        celebrateWin({
          ...twoDeals,
          attendees: [
            { personId: 'person-lena', team: 'sales' },
            { personId: 'person-omar', team: 'sales' },
          ],
        }),
      )
      .thenRejects('rule', 'person-not-in-sales', 'attendees[1].personId');
  });
});
