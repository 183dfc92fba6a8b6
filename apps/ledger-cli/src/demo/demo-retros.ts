import { periodOf } from '#domain';
import { call } from './demo-call.js';
import { dateAfter, iso, plusHours } from './demo-clock.js';
import type { DemoContext } from './demo-context.js';

type Column = 'went-well' | 'to-improve' | 'learning' | 'kudos';

/** Blame-free notes: what happened in the process, most of them anonymous (no author is stored). */
const CAMPAIGN_NOTES: readonly [Column, string, string | null][] = [
  ['went-well', 'Briefing every rep before launch meant customers heard one consistent offer', null],
  ['went-well', 'The annual billing calculator answered most finance questions on the first call', 'p-07'],
  ['to-improve', 'The pricing sheet reached reps two days after the first emails went out', null],
  ['to-improve', 'Leads from the in-app banner arrived without company size', null],
  ['learning', 'Offers with a clear end date moved deals faster than open-ended discounts', 'p-03'],
  ['kudos', 'The updated FAQ was ready within a day of the first questions', null],
];

const RETRO_ACTIONS = [
  {
    description: 'Send the pricing sheet to reps a week before launch emails',
    owner: 'p-03',
    days: 7,
    doneAfter: 8,
  },
  { description: 'Add company size to the in-app lead capture form', owner: 'p-02', days: 10, doneAfter: 16 },
  { description: 'Put an end date on every promotional offer', owner: 'p-06', days: 14, doneAfter: null },
] as const;

const addNotes = (
  context: DemoContext,
  retroId: string,
  openedAt: Date,
  notes: readonly [Column, string, string | null][],
) => {
  notes.forEach(([column, text, author], i) => {
    const at = plusHours(openedAt, 0.25 * (i + 1));
    const note = {
      noteId: `note-${i + 1}`,
      column,
      text,
      ...(author === null ? {} : { author }),
      occurredAt: iso(at),
    };
    context.bulk.push({ at, call: call('/v1/retros/{retroId}/add-note', { retroId }, note) });
  });
};

/** The retro of the annual upgrade campaign, closed with action items (two done since), and a period retro still open. */
export const runRetros = (context: DemoContext): void => {
  const { at } = context.clock;
  const retroId = 'retro-annual-upgrade';
  const openedAt = at(8, 1, 14);
  const subject = { kind: 'campaign' as const, campaignId: 'annual-upgrade' };
  context.bulk.push({
    at: openedAt,
    call: call(
      '/v1/retros/{retroId}/open',
      { retroId },
      { subject, facilitator: 'p-02', occurredAt: iso(openedAt) },
    ),
  });
  addNotes(context, retroId, openedAt, CAMPAIGN_NOTES);
  const closedAt = at(8, 3, 11);
  const actionItems = RETRO_ACTIONS.map(({ description, owner, days }, i) => ({
    actionItemId: `retro-ai-${i + 1}`,
    description,
    owner,
    dueDate: dateAfter(closedAt, days),
  }));
  context.bulk.push({
    at: closedAt,
    call: call(
      '/v1/retros/{retroId}/close',
      { retroId },
      { closedBy: 'p-02', actionItems, occurredAt: iso(closedAt) },
    ),
  });
  RETRO_ACTIONS.forEach(({ owner, doneAfter }, i) => {
    if (doneAfter === null) return;
    const doneAt = plusHours(closedAt, doneAfter * 24 + 3);
    const path = { retroId, actionItemId: `retro-ai-${i + 1}` };
    context.bulk.push({
      at: doneAt,
      call: call('/v1/retros/{retroId}/action-items/{actionItemId}/complete', path, {
        completedBy: owner,
        occurredAt: iso(doneAt),
      }),
    });
  });
  const weekRetro = 'retro-period-w10';
  const weekOpened = at(11, 0, 15);
  const period = periodOf('week', iso(at(10, 2, 12)));
  const weekSubject = { kind: 'period' as const, period };
  context.bulk.push({
    at: weekOpened,
    call: call(
      '/v1/retros/{retroId}/open',
      { retroId: weekRetro },
      { subject: weekSubject, facilitator: 'p-05', occurredAt: iso(weekOpened) },
    ),
  });
  addNotes(context, weekRetro, weekOpened, [
    ['to-improve', 'The week had no joint huddle, so open questions waited until the next one', null],
    ['went-well', 'Two late-stage deals closed after a shared account review', null],
  ]);
};
