import { given } from '#testing';
import type { RetroEvent } from './retro.events.js';
import { retroCapability } from './retro.capability.js';

const roster = { mia: 'marketing', sam: 'sales' } as const;
const opened: RetroEvent = {
  type: 'RetroOpened',
  data: { retroId: 'q3-retro', subject: { kind: 'campaign', campaignId: 'q3' }, facilitator: 'mia' },
};
const item = {
  actionItemId: 'ai-1',
  description: 'Share drafts with sales two weeks before launch',
  owner: 'mia',
  dueDate: '2026-10-01',
};
const closed: RetroEvent = {
  type: 'RetroClosed',
  data: { retroId: 'q3-retro', closedBy: 'mia', actionItems: [item], blameFlag: false },
};
const note = {
  type: 'AddRetroNote' as const,
  retroId: 'q3-retro',
  noteId: 'n1',
  column: 'to-improve' as const,
  text: 'The pricing sheet reached reps after the first customer calls',
  author: null,
  roster,
};

describe('OpenRetro', () => {
  it('given nothing, when opened with a subject, then RetroOpened', () => {
    given(retroCapability)
      .when({
        type: 'OpenRetro',
        retroId: 'q3-retro',
        subject: { kind: 'campaign', campaignId: 'q3' },
        facilitator: 'mia',
        roster,
      })
      .then([
        {
          type: 'RetroOpened',
          data: { retroId: 'q3-retro', subject: { kind: 'campaign', campaignId: 'q3' }, facilitator: 'mia' },
        },
      ]);
  });

  it('given an opened retro, when opened again, then conflict; a facilitator off the roster is 422', () => {
    given(retroCapability, [opened])
      .when({
        type: 'OpenRetro',
        retroId: 'q3-retro',
        subject: { kind: 'period', period: '2026-Q3' },
        facilitator: 'mia',
        roster,
      })
      .thenRejects('conflict', 'retro-already-opened');
    given(retroCapability)
      .when({
        type: 'OpenRetro',
        retroId: 'r',
        subject: { kind: 'deal', dealId: 'd1' },
        facilitator: 'ghost',
        roster,
      })
      .thenRejects('rule', 'person-not-on-roster');
  });
});

describe('OpenRetro subjects', () => {
  const open = (subject: never) => ({
    type: 'OpenRetro' as const,
    retroId: 'r',
    subject,
    facilitator: 'mia',
    roster,
  });
  it('given a period that does not exist or an unknown kind, then 422 names the subject field', () => {
    given(retroCapability)
      .when(open({ kind: 'period', period: '2021-W53' } as never))
      .thenRejects('rule', 'invalid-retro-subject');
    given(retroCapability)
      .when(open({ kind: 'team' } as never))
      .thenRejects('rule', 'invalid-retro-subject');
    given(retroCapability)
      .when(open({ kind: 'campaign', campaignId: '' } as never))
      .thenRejects('rule', 'invalid-retro-subject');
  });
});

describe('AddRetroNote', () => {
  it('given an open retro, when an anonymous note is added, then it is stored with no author', () => {
    given(retroCapability, [opened])
      .when(note)
      .then([
        {
          type: 'RetroNoteAdded',
          data: {
            retroId: 'q3-retro',
            noteId: 'n1',
            column: 'to-improve',
            text: 'The pricing sheet reached reps after the first customer calls',
            author: null,
          },
        },
      ]);
  });

  it('given a signed note, then the author is recorded', () => {
    given(retroCapability, [opened])
      .when({ ...note, column: 'kudos', text: 'Thanks for the fast battlecard turnaround', author: 'sam' })
      .then([
        {
          type: 'RetroNoteAdded',
          data: {
            retroId: 'q3-retro',
            noteId: 'n1',
            column: 'kudos',
            text: 'Thanks for the fast battlecard turnaround',
            author: 'sam',
          },
        },
      ]);
  });

  it('given blaming text, then 422 blaming-note lists the phrases and a hint', () => {
    let rejection: unknown;
    try {
      retroCapability.decide(
        { ...note, text: 'Sales never follows up on our leads' },
        retroCapability.evolve(retroCapability.initialState, opened),
      );
    } catch (error) {
      rejection = error;
    }
    expect(rejection).toMatchObject({ kind: 'rule', code: 'blaming-note', field: 'text' });
    const details = (rejection as { details: { phrases: string[]; hint: string } }).details;
    expect(details.phrases.length).toBeGreaterThan(0);
    details.phrases.forEach((phrase) => expect('Sales never follows up on our leads').toContain(phrase));
    expect(details.hint).toEqual(expect.any(String));
  });

  it('given no retro, a closed retro or a repeated note id, then it is a conflict', () => {
    given(retroCapability).when(note).thenRejects('conflict', 'retro-not-open');
    given(retroCapability, [opened, closed]).when(note).thenRejects('conflict', 'retro-closed');
    given(retroCapability, [
      opened,
      {
        type: 'RetroNoteAdded',
        data: { retroId: 'q3-retro', noteId: 'n1', column: 'learning', text: 'x', author: null },
      },
    ])
      .when(note)
      .thenRejects('conflict', 'retro-note-exists');
  });
});

describe('CloseRetro and completing its action items', () => {
  const close = {
    type: 'CloseRetro' as const,
    retroId: 'q3-retro',
    closedBy: 'mia',
    actionItems: [item],
    roster,
  };
  const complete = {
    type: 'CompleteRetroActionItem' as const,
    retroId: 'q3-retro',
    actionItemId: 'ai-1',
    completedBy: 'mia',
    roster,
  };
  const completed: RetroEvent = {
    type: 'RetroActionItemCompleted',
    data: { retroId: 'q3-retro', actionItemId: 'ai-1', completedBy: 'mia' },
  };

  it('given an open retro, when closed with action items, then RetroClosed', () => {
    given(retroCapability, [opened])
      .when(close)
      .then([
        {
          type: 'RetroClosed',
          data: { retroId: 'q3-retro', closedBy: 'mia', actionItems: [item], blameFlag: false },
        },
      ]);
  });

  it('given a due date that is not a calendar date, then 422', () => {
    given(retroCapability, [opened])
      .when({ ...close, actionItems: [{ ...item, dueDate: '2026-02-30' }] })
      .thenRejects('rule', 'invalid-due-date');
  });

  it('given duplicate item ids or an owner off the roster, then 422; a closed retro cannot close again', () => {
    given(retroCapability, [opened])
      .when({ ...close, actionItems: [item, item] })
      .thenRejects('rule', 'duplicate-action-item');
    given(retroCapability, [opened])
      .when({ ...close, actionItems: [{ ...item, owner: 'ghost' }] })
      .thenRejects('rule', 'person-not-on-roster');
    given(retroCapability, [opened, closed]).when(close).thenRejects('conflict', 'retro-closed');
  });

  it('given a closed retro, when an item is completed, then RetroActionItemCompleted; again is a no-op with a precedent', () => {
    given(retroCapability, [opened, closed])
      .when(complete)
      .then([
        {
          type: 'RetroActionItemCompleted',
          data: { retroId: 'q3-retro', actionItemId: 'ai-1', completedBy: 'mia' },
        },
      ]);
    given(retroCapability, [opened, closed, completed]).when(complete).then([]);
    expect(retroCapability.precedent?.(complete, [opened, closed, completed])).toBe(2);
  });

  it('given an unknown item, then it is a conflict', () => {
    given(retroCapability, [opened, closed])
      .when({ ...complete, actionItemId: 'nope' })
      .thenRejects('conflict', 'action-item-not-found');
  });
});
