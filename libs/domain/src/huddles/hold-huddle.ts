import { screenForBlame } from '../blame/blame-screen.js';
import { requireAttendees } from '../shared/attendees.js';
import { requireOnRoster } from '../shared/roster-lookup.js';
import { CommandRejected, type RuleCode } from '../shared/command-rejected.js';
import { isCalendarDate, toUtcInstant } from '../shared/period.js';
import type { RosterLookup } from '../shared/roster-lookup.js';
import type { HuddleActionItem, HuddleHeld } from './huddle.events.js';
import type { HuddleState } from './huddle.state.js';

export type HoldHuddle = { type: 'HoldHuddle' } & Omit<HuddleHeld['data'], 'blameFlag'> & {
    roster: RosterLookup;
  };

const rule = (code: RuleCode, message: string, field: string) =>
  new CommandRejected('rule', code, message, field);

/** Each item once, with a real due date and an owner on the roster; returned as the event records them. */
const requireActionItems = (roster: RosterLookup, items: readonly HuddleActionItem[]): HuddleActionItem[] => {
  const seen = new Set<string>();
  items.forEach(({ actionItemId, owner, dueDate }, index) => {
    const at = `actionItems[${index}]`;
    if (seen.has(actionItemId)) {
      throw rule(
        'duplicate-action-item',
        `${at}.actionItemId ${actionItemId} is listed twice`,
        `${at}.actionItemId`,
      );
    }
    seen.add(actionItemId);
    if (!isCalendarDate(dueDate)) {
      throw rule(
        'invalid-due-date',
        `${at}.dueDate ${dueDate} is not a date written YYYY-MM-DD`,
        `${at}.dueDate`,
      );
    }
    requireOnRoster(roster, owner, `${at}.owner`);
  });
  return items.map(({ actionItemId, description, owner, dueDate }) => ({
    actionItemId,
    description,
    owner,
    dueDate,
  }));
};

export const holdHuddle = (command: HoldHuddle, state: HuddleState): HuddleHeld[] => {
  const { huddleId, numbersReviewed, roster } = command;
  if (state.status === 'held') {
    throw new CommandRejected('conflict', 'huddle-already-held', `huddle ${huddleId} was already held`);
  }
  const heldAt = toUtcInstant(command.heldAt);
  if (heldAt === null) {
    throw rule(
      'invalid-held-at',
      `heldAt ${command.heldAt} is not an ISO-8601 instant with a zone`,
      'heldAt',
    );
  }
  const attendees = requireAttendees(roster, command.attendees);
  const actionItems = requireActionItems(roster, command.actionItems);
  const working = [...command.working];
  const notWorking = [...command.notWorking];
  const notes = [...working, ...notWorking, ...actionItems.map(({ description }) => description)];
  return [
    {
      type: 'HuddleHeld',
      data: {
        huddleId,
        heldAt,
        attendees,
        numbersReviewed,
        working,
        notWorking,
        objectionCategoriesDiscussed: [...command.objectionCategoriesDiscussed],
        actionItems,
        blameFlag: notes.some((note) => screenForBlame(note).blaming),
      },
    },
  ];
};
