import { given } from '#testing';
import {
  actionItem,
  addRetroNote,
  closeRetro,
  completeRetroActionItem,
  openRetro,
  retroActionItemCompleted,
  retroClosed,
  retroNoteAdded,
  retroOpened,
} from '../../test/retros.builders.js';
import { retroCapability } from './retro.capability.js';
import type { RetroSubject } from './retro.events.js';

describe('OpenRetro', () => {
  it('given nothing, when opened with a subject, then RetroOpened', () => {
    given(retroCapability).when(openRetro()).then([retroOpened()]);
  });

  it('given an opened retro, when opened again, then conflict; a facilitator off the roster is 422', () => {
    given(retroCapability, [retroOpened()])
      .when(openRetro({ subject: { kind: 'period', period: '2026-Q3' } }))
      .thenRejects('conflict', 'retro-already-opened');
    given(retroCapability)
      .when(openRetro({ retroId: 'r', subject: { kind: 'deal', dealId: 'd1' }, facilitator: 'ghost' }))
      .thenRejects('rule', 'person-not-on-roster');
  });
});

describe('OpenRetro subjects', () => {
  it('given a period that does not exist or an unknown kind, then 422 names the subject field', () => {
    const rejects = (subject: RetroSubject, field: string) =>
      given(retroCapability)
        .when(openRetro({ retroId: 'r', subject }))
        .thenRejects('rule', 'invalid-retro-subject', field);
    rejects({ kind: 'period', period: '2021-W53' }, 'subject.period');
    // A kind the type does not allow, as a client could send it.
    rejects({ kind: 'team' } as never, 'subject.kind');
    rejects({ kind: 'campaign', campaignId: '' }, 'subject.campaignId');
  });
});

describe('AddRetroNote', () => {
  it('given an open retro, when an anonymous note is added, then it is stored with no author', () => {
    given(retroCapability, [retroOpened()]).when(addRetroNote()).then([retroNoteAdded()]);
  });

  it('given a signed note, then the author is recorded', () => {
    const signed = {
      column: 'kudos',
      text: 'Thanks for the fast battlecard turnaround',
      author: 'sam',
    } as const;
    given(retroCapability, [retroOpened()])
      .when(addRetroNote(signed))
      .then([retroNoteAdded(signed)]);
  });

  it('given blaming text, then 422 blaming-note lists the phrases and a hint', () => {
    const text = 'Sales never follows up on our leads';
    const { details } = given(retroCapability, [retroOpened()])
      .when(addRetroNote({ text }))
      .thenRejects('rule', 'blaming-note', 'text');
    const { phrases, hint } = details as { phrases: string[]; hint: string };
    expect(phrases.length).toBeGreaterThan(0);
    phrases.forEach((phrase) => expect(text).toContain(phrase));
    expect(hint).toEqual(expect.any(String));
  });

  it('given no retro, a closed retro or a repeated note id, then it is a conflict', () => {
    given(retroCapability).when(addRetroNote()).thenRejects('conflict', 'retro-not-open');
    given(retroCapability, [retroOpened(), retroClosed()])
      .when(addRetroNote())
      .thenRejects('conflict', 'retro-closed');
    given(retroCapability, [retroOpened(), retroNoteAdded({ column: 'learning', text: 'x' })])
      .when(addRetroNote())
      .thenRejects('conflict', 'retro-note-exists');
  });
});

describe('CloseRetro and completing its action items', () => {
  it('given an open retro, when closed with action items, then RetroClosed', () => {
    given(retroCapability, [retroOpened()]).when(closeRetro()).then([retroClosed()]);
  });

  it('given a due date that is not a calendar date, then 422', () => {
    given(retroCapability, [retroOpened()])
      .when(closeRetro({ actionItems: [{ ...actionItem, dueDate: '2026-02-30' }] }))
      .thenRejects('rule', 'invalid-due-date');
  });

  it('given duplicate item ids or an owner off the roster, then 422; a closed retro cannot close again', () => {
    given(retroCapability, [retroOpened()])
      .when(closeRetro({ actionItems: [actionItem, actionItem] }))
      .thenRejects('rule', 'duplicate-action-item');
    given(retroCapability, [retroOpened()])
      .when(closeRetro({ actionItems: [{ ...actionItem, owner: 'ghost' }] }))
      .thenRejects('rule', 'person-not-on-roster');
    given(retroCapability, [retroOpened(), retroClosed()])
      .when(closeRetro())
      .thenRejects('conflict', 'retro-closed');
  });

  it('given a closed retro, when an item is completed, then RetroActionItemCompleted; again is a no-op with a precedent', () => {
    const closed = [retroOpened(), retroClosed()];
    const completed = [...closed, retroActionItemCompleted()];
    given(retroCapability, closed).when(completeRetroActionItem()).then([retroActionItemCompleted()]);
    given(retroCapability, completed).when(completeRetroActionItem()).then([]);
    expect(retroCapability.precedent?.(completeRetroActionItem(), completed)).toBe(2);
  });

  it('given an unknown item, then it is a conflict', () => {
    given(retroCapability, [retroOpened(), retroClosed()])
      .when(completeRetroActionItem({ actionItemId: 'nope' }))
      .thenRejects('conflict', 'action-item-not-found');
  });
});
