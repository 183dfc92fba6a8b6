import {
  type Capability,
  type DomainEvent,
  campaignCapability,
  celebrationCapability,
  contentCapability,
  dealCapability,
  goalCapability,
  huddleCapability,
  leadCapability,
  objectionCapability,
  retroCapability,
  rosterCapability,
} from '../index.js';

type AnyCapability = Capability<{ type: string }, DomainEvent, unknown>;

/** A command with only the fields that name its stream and its people. */
const ask = (capability: AnyCapability, command: Record<string, unknown> & { type: string }) => ({
  stream: capability.streamIdOf(command),
  actor: capability.actorOf(command),
});

describe('where each command is appended, and who acts in it', () => {
  it.each([
    [
      campaignCapability,
      { type: 'ProposeCampaign', campaignId: 'q3', proposedBy: 'mia' },
      'campaign-q3',
      'mia',
    ],
    [
      campaignCapability,
      { type: 'ReviewCampaign', campaignId: 'q3', reviewedBy: 'sam' },
      'campaign-q3',
      'sam',
    ],
    [
      campaignCapability,
      { type: 'LaunchCampaign', campaignId: 'q3', launchedBy: 'mia' },
      'campaign-q3',
      'mia',
    ],
    [
      campaignCapability,
      { type: 'AcknowledgeBriefing', campaignId: 'q3', acknowledgedBy: 'sam' },
      'campaign-q3',
      'sam',
    ],
    [
      campaignCapability,
      { type: 'ReportBlindside', campaignId: 'q3', reportedBy: 'sam' },
      'campaign-q3',
      'sam',
    ],
    [campaignCapability, { type: 'EndCampaign', campaignId: 'q3', endedBy: 'mia' }, 'campaign-q3', 'mia'],
    [objectionCapability, { type: 'LogObjection', objectionId: 'o1', heardBy: 'sam' }, 'objection-o1', 'sam'],
    [
      contentCapability,
      { type: 'AddressObjection', contentId: 'c1', publishedBy: 'mia' },
      'content-c1',
      'mia',
    ],
    [
      contentCapability,
      { type: 'WithdrawContent', contentId: 'c1', withdrawnBy: 'mia' },
      'content-c1',
      'mia',
    ],
    [
      leadCapability,
      { type: 'HandOffLead', leadId: 'l1', handedOffBy: 'mia', assignedTo: 'sam' },
      'lead-l1',
      'mia',
    ],
    [leadCapability, { type: 'FollowUpLead', leadId: 'l1', followedUpBy: 'sam' }, 'lead-l1', 'sam'],
    [leadCapability, { type: 'AcceptLead', leadId: 'l1', decidedBy: 'sam' }, 'lead-l1', 'sam'],
    [leadCapability, { type: 'RejectLead', leadId: 'l1', decidedBy: 'sam' }, 'lead-l1', 'sam'],
    [dealCapability, { type: 'RecordDeal', dealId: 'acme', owner: 'sam' }, 'deal-acme', 'sam'],
    [goalCapability, { type: 'SetSharedGoal', period: '2026-Q2', setBy: 'mia' }, 'goal-2026-Q2', 'mia'],
    [celebrationCapability, { type: 'CelebrateWin', celebrationId: 'q1-hit' }, 'celebration-q1-hit', null],
    [huddleCapability, { type: 'HoldHuddle', huddleId: 'w11' }, 'huddle-w11', null],
    [
      huddleCapability,
      { type: 'CompleteActionItem', huddleId: 'w11', completedBy: 'mia' },
      'huddle-w11',
      'mia',
    ],
    [retroCapability, { type: 'OpenRetro', retroId: 'r1', facilitator: 'mia' }, 'retro-r1', 'mia'],
    [retroCapability, { type: 'AddRetroNote', retroId: 'r1', author: 'sam' }, 'retro-r1', 'sam'],
    [retroCapability, { type: 'AddRetroNote', retroId: 'r1', author: null }, 'retro-r1', null],
    [retroCapability, { type: 'CloseRetro', retroId: 'r1', closedBy: 'mia' }, 'retro-r1', 'mia'],
    [
      retroCapability,
      { type: 'CompleteRetroActionItem', retroId: 'r1', completedBy: 'sam' },
      'retro-r1',
      'sam',
    ],
    [rosterCapability, { type: 'RegisterTeamMember', personId: 'sam' }, 'roster', null],
    [rosterCapability, { type: 'RemoveTeamMember', personId: 'sam' }, 'roster', null],
  ] as [AnyCapability, Record<string, unknown> & { type: string }, string, string | null][])(
    'given %#: when %j is asked, then its stream and actor',
    (capability, command, stream, actor) => {
      expect(ask(capability, command)).toEqual({ stream, actor });
    },
  );
});

describe('the ledger inputs each capability reads', () => {
  it('reads the roster for team checks, and the currency only where money is recorded', () => {
    expect(rosterCapability.inputs).toEqual([]);
    expect(dealCapability.inputs).toEqual(['roster', 'ledgerCurrency']);
    expect(goalCapability.inputs).toEqual(['roster', 'ledgerCurrency']);
    for (const capability of [campaignCapability, leadCapability, retroCapability, huddleCapability]) {
      expect(capability.inputs).toEqual(['roster']);
    }
  });

  it('answers a harmless repeat only where a command declares a precedent', () => {
    const completed = { type: 'RetroActionItemCompleted', data: { actionItemId: 'ai-1' } };
    const retro = retroCapability as AnyCapability;
    const again = { type: 'CompleteRetroActionItem', actionItemId: 'ai-1' };
    expect(retro.precedent?.(again, [completed])).toBe(0);
    expect(retro.precedent?.({ type: 'AddRetroNote' }, [completed])).toBe(-1);
  });
});
