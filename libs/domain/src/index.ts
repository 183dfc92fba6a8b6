/**
 * The domain's public face: each capability (its commands are decided through
 * it), the events, and the rules other libraries share. A command's own file
 * stays inside its folder.
 */
export * from './shared/decider.js';
export * from './shared/capability.js';
export * from './shared/command-rejected.js';
export * from './ledger-events.js';
export * from './shared/business-time.js';
export * from './shared/roster-lookup.js';
export * from './shared/upcasters.js';
export * from './shared/period.js';
export * from './shared/ledger-time.js';
export * from './shared/attendees.js';
export * from './blame/blame-screen.js';
export * from './roster/roster.events.js';
export * from './roster/roster.state.js';
export * from './roster/roster.capability.js';
export * from './campaigns/campaign.events.js';
export * from './campaigns/campaign.state.js';
export * from './campaigns/campaign.capability.js';
export * from './objections/objection-categories.js';
export * from './objections/objection.events.js';
export * from './objections/objection.state.js';
export * from './objections/objection.capability.js';
export * from './content/content.events.js';
export * from './content/content.state.js';
export * from './content/content.capability.js';
export * from './retros/retro.events.js';
export * from './retros/retro.state.js';
export * from './retros/retro.capability.js';
export * from './leads/lead.events.js';
export * from './leads/lead.state.js';
export * from './leads/lead-rejection-reasons.js';
export * from './leads/lead.capability.js';
export * from './deals/deal.events.js';
export * from './deals/deal.state.js';
export * from './deals/deal.capability.js';
export * from './goals/goal.events.js';
export * from './goals/goal.state.js';
export * from './goals/goal.capability.js';
export * from './celebrations/celebration.events.js';
export * from './celebrations/celebration.state.js';
export * from './celebrations/celebration.capability.js';
export * from './huddles/huddle.events.js';
export * from './huddles/huddle.state.js';
export * from './huddles/huddle.capability.js';
