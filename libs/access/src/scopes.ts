/**
 * What a caller may do. `commands:write` posts every command; `commands:<capability>`
 * only that capability's (so a marketing-automation system cannot record deals).
 */
export const COMMAND_CAPABILITIES = [
  'roster',
  'campaigns',
  'objections',
  'content',
  'leads',
  'deals',
  'goals',
  'celebrations',
  'huddles',
  'retros',
] as const;

export type CommandCapability = (typeof COMMAND_CAPABILITIES)[number];

export const SCOPES = [
  'commands:write',
  ...COMMAND_CAPABILITIES.map((capability) => `commands:${capability}` as const),
  'read',
  'audit',
  'admin',
  'personal-data',
] as const;

export type Scope = (typeof SCOPES)[number];

export const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value);

/** What a route requires: nothing (public), a scope, or the right to post one capability's commands. */
export type Requirement =
  | { public: true }
  | { scope: Scope }
  | { command: CommandCapability }
  /** Some command scope (a batch of commands, each then checked against its own). */
  | { anyCommand: true };

/** Whether scopes held meet a requirement; `commands:write` covers every capability. */
export const satisfies = (held: readonly Scope[], requirement: Requirement): boolean => {
  if ('public' in requirement) return true;
  if ('scope' in requirement) return held.includes(requirement.scope);
  if ('anyCommand' in requirement) return held.some((scope) => scope.startsWith('commands:'));
  return held.includes('commands:write') || held.includes(`commands:${requirement.command}`);
};

/** The scope names a requirement, as errors and the OpenAPI document say it. */
export const describeRequirement = (requirement: Requirement): string =>
  'public' in requirement
    ? 'public'
    : 'scope' in requirement
      ? requirement.scope
      : 'anyCommand' in requirement
        ? 'commands:write or any commands:<capability>'
        : `commands:write or commands:${requirement.command}`;
