import type { components } from '#client';
import type { DemoCall } from './demo-call.js';
import type { DemoClock, Dice } from './demo-clock.js';

type Schemas = components['schemas'];
export type ObjectionCategory = Schemas['LogObjectionDto']['category'];
export type RejectionReason = Schemas['RejectLeadDto']['reasonCode'];
export type Team = Schemas['AttendeeDto']['team'];

/** A person of the demo: an opaque id; the name goes to the ledger only in the registration. */
export interface DemoPerson {
  personId: string;
  displayName: string;
  team: Team;
  /** The week they join (0: before the window's first facts). */
  joinsInWeek: number;
}

/** A campaign's life, as the leads, deals and retros refer to it. */
export interface CampaignLife {
  campaignId: string;
  launchedAt: Date;
  endedAt: Date | null;
}

/** A won deal, which celebrations and goals look back on. */
export interface WonDeal {
  dealId: string;
  amount: number;
  closedAt: Date;
  owner: string;
}

/** A lead accepted by sales, which a later deal may come from. */
export interface AcceptedLead {
  leadId: string;
  acceptedAt: Date;
  assignedTo: string;
  campaignId: string | null;
}

/** A call at its business time, for one of the two sittings. */
export interface Timed {
  at: Date;
  call: DemoCall;
}

/**
 * What each part of the history builds on: the clock and dice, the roster,
 * and two timelines — the bulk posted in business-time order, and the facts
 * recorded late (posted after it, though they happened weeks ago).
 */
export interface DemoContext {
  clock: DemoClock;
  dice: Dice;
  people: readonly DemoPerson[];
  bulk: Timed[];
  late: Timed[];
  campaigns: CampaignLife[];
  acceptedLeads: AcceptedLead[];
  wonDeals: WonDeal[];
}

export const newContext = (clock: DemoClock, dice: Dice, people: readonly DemoPerson[]): DemoContext => ({
  clock,
  dice,
  people,
  bulk: [],
  late: [],
  campaigns: [],
  acceptedLeads: [],
  wonDeals: [],
});

/** The people of a team on the roster in that week (those joining later are not yet there). */
export const teamIn = (context: DemoContext, team: Team, week: number): string[] =>
  context.people.filter((p) => p.team === team && p.joinsInWeek <= week).map((p) => p.personId);

/** The campaigns live at the instant (launched before it, not yet ended). */
export const liveCampaigns = (context: DemoContext, at: Date): CampaignLife[] =>
  context.campaigns.filter(
    (c) => c.launchedAt < at && (c.endedAt === null || c.endedAt > at) && c.launchedAt <= context.clock.now,
  );

/** Two digits: ids sort in order (w03, ai-w03-2). */
export const two = (n: number): string => String(n).padStart(2, '0');
