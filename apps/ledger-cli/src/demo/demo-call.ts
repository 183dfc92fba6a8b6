import type { components, paths } from '#client';

type CommandResult = components['schemas']['CommandResultDto'];
type Post<P extends keyof paths> = paths[P]['post'];

/** The paths whose POST is a ledger command (answered 201 with a CommandResult), from the generated types. */
export type CommandPath = {
  [P in keyof paths]: Post<P> extends {
    responses: { 201: { content: { 'application/json': CommandResult } } };
  }
    ? P
    : never;
}[keyof paths];

type PathParams<P extends CommandPath> =
  Post<P> extends { parameters: { path: infer Params } } ? Params : never;
type Body<P extends CommandPath> =
  Post<P> extends {
    requestBody: { content: { 'application/json': infer Json } };
  }
    ? Json
    : never;

/** One command as data: its path template, the path's parameters and the body, each as the API types them. */
export type DemoCall = {
  [P in CommandPath]: { path: P; params: PathParams<P>; body: Body<P> };
}[CommandPath];

/** A batch posted in one go, one call after the other. */
export interface DemoSitting {
  label: string;
  calls: DemoCall[];
}

/**
 * Builds a call, checked against the API's types: the path picks the
 * operation, so a wrong parameter or body field fails to compile.
 */
export const call = <P extends CommandPath>(path: P, params: PathParams<P>, body: Body<P>): DemoCall =>
  // TypeScript cannot see that one member of the mapped union is this one; the signature above checks it.
  ({ path, params, body }) as DemoCall;

/** The concrete URL path: each {name} of the template replaced by its (URL-encoded) parameter. */
export const pathOf = (demoCall: DemoCall): string =>
  demoCall.path.replace(/\{(\w+)\}/g, (_whole, name: string) =>
    encodeURIComponent(String((demoCall.params as Record<string, string>)[name])),
  );

/** The operation's name as the API document gives it (operationId), for messages. */
export const commandName: Record<CommandPath, string> = {
  '/v1/team-members/{personId}/register': 'RegisterTeamMember',
  '/v1/team-members/{personId}/remove': 'RemoveTeamMember',
  '/v1/team-members/{personId}/forget': 'ForgetTeamMember',
  '/v1/campaigns/{campaignId}/propose': 'ProposeCampaign',
  '/v1/campaigns/{campaignId}/review': 'ReviewCampaign',
  '/v1/campaigns/{campaignId}/launch': 'LaunchCampaign',
  '/v1/campaigns/{campaignId}/acknowledge-briefing': 'AcknowledgeBriefing',
  '/v1/campaigns/{campaignId}/report-blindside': 'ReportBlindside',
  '/v1/campaigns/{campaignId}/end': 'EndCampaign',
  '/v1/objections/{objectionId}/log': 'LogObjection',
  '/v1/content/{contentId}/address-objection': 'AddressObjection',
  '/v1/content/{contentId}/withdraw': 'WithdrawContent',
  '/v1/leads/{leadId}/hand-off': 'HandOffLead',
  '/v1/leads/{leadId}/follow-up': 'FollowUpLead',
  '/v1/leads/{leadId}/accept': 'AcceptLead',
  '/v1/leads/{leadId}/reject': 'RejectLead',
  '/v1/deals/{dealId}/record': 'RecordDeal',
  '/v1/shared-goals/{period}/set': 'SetSharedGoal',
  '/v1/celebrations/{celebrationId}/celebrate': 'CelebrateWin',
  '/v1/huddles/{huddleId}/hold': 'HoldHuddle',
  '/v1/huddles/{huddleId}/action-items/{actionItemId}/complete': 'CompleteActionItem',
  '/v1/retros/{retroId}/open': 'OpenRetro',
  '/v1/retros/{retroId}/add-note': 'AddRetroNote',
  '/v1/retros/{retroId}/close': 'CloseRetro',
  '/v1/retros/{retroId}/action-items/{actionItemId}/complete': 'CompleteRetroActionItem',
};
