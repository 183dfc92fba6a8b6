import { given } from '#testing';
import type { RetroEvent } from './retro.events.js';
import { retroDecider } from './retro.decider.js';

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
    given(retroDecider)
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
    given(retroDecider, [opened])
      .when({
        type: 'OpenRetro',
        retroId: 'q3-retro',
        subject: { kind: 'period', period: '2026-Q3' },
        facilitator: 'mia',
        roster,
      })
      .thenRejects('conflict', 'retro-already-opened');
    given(retroDecider)
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
    given(retroDecider)
      .when(open({ kind: 'period', period: '2021-W53' } as never))
      .thenRejects('rule', 'invalid-retro-subject');
    given(retroDecider)
      .when(open({ kind: 'team' } as never))
      .thenRejects('rule', 'invalid-retro-subject');
    given(retroDecider)
      .when(open({ kind: 'campaign', campaignId: '' } as never))
      .thenRejects('rule', 'invalid-retro-subject');
  });
});

describe('AddRetroNote', () => {
  it('given an open retro, when an anonymous note is added, then it is stored with no author', () => {
    given(retroDecider, [opened])
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
    given(retroDecider, [opened])
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
      retroDecider.decide(
        { ...note, text: 'Sales never follows up on our leads' },
        retroDecider.evolve(retroDecider.initialState, opened),
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
    given(retroDecider).when(note).thenRejects('conflict', 'retro-not-open');
    given(retroDecider, [opened, closed]).when(note).thenRejects('conflict', 'retro-closed');
    given(retroDecider, [
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
    given(retroDecider, [opened])
      .when(close)
      .then([
        {
          type: 'RetroClosed',
          data: { retroId: 'q3-retro', closedBy: 'mia', actionItems: [item], blameFlag: false },
        },
      ]);
  });

  it('given a due date that is not a calendar date, then 422', () => {
    given(retroDecider, [opened])
      .when({ ...close, actionItems: [{ ...item, dueDate: '2026-02-30' }] })
      .thenRejects('rule', 'invalid-due-date');
  });

  it('given duplicate item ids or an owner off the roster, then 422; a closed retro cannot close again', () => {
    given(retroDecider, [opened])
      .when({ ...close, actionItems: [item, item] })
      .thenRejects('rule', 'duplicate-action-item');
    given(retroDecider, [opened])
      .when({ ...close, actionItems: [{ ...item, owner: 'ghost' }] })
      .thenRejects('rule', 'person-not-on-roster');
    given(retroDecider, [opened, closed]).when(close).thenRejects('conflict', 'retro-closed');
  });

  it('given a closed retro, when an item is completed, then RetroActionItemCompleted; again is a no-op with a precedent', () => {
    given(retroDecider, [opened, closed])
      .when(complete)
      .then([
        {
          type: 'RetroActionItemCompleted',
          data: { retroId: 'q3-retro', actionItemId: 'ai-1', completedBy: 'mia' },
        },
      ]);
    given(retroDecider, [opened, closed, completed]).when(complete).then([]);
    expect(retroDecider.precedent?.(complete, [opened, closed, completed])).toBe(2);
  });

  it('given an unknown item, then it is a conflict', () => {
    given(retroDecider, [opened, closed])
      .when({ ...complete, actionItemId: 'nope' })
      .thenRejects('conflict', 'action-item-not-found');
  });
});
