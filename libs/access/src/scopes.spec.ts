import { describeRequirement, isScope, satisfies } from './scopes.js';

describe('scopes', () => {
  it('given commands:write, then every capability may be posted; given commands:leads, only leads', () => {
    expect(satisfies(['commands:write'], { command: 'deals' })).toBe(true);
    expect(satisfies(['commands:leads'], { command: 'leads' })).toBe(true);
    expect(satisfies(['commands:leads'], { command: 'deals' })).toBe(false);
  });

  it('given a scope, then only that scope meets it; admin is not read', () => {
    expect(satisfies(['read'], { scope: 'read' })).toBe(true);
    expect(satisfies(['admin'], { scope: 'read' })).toBe(false);
    expect(satisfies([], { public: true })).toBe(true);
    expect(satisfies([], { scope: 'audit' })).toBe(false);
  });

  it('names scopes as errors say them, and knows only its own', () => {
    expect(describeRequirement({ command: 'deals' })).toBe('commands:write or commands:deals');
    expect(isScope('commands:campaigns')).toBe(true);
    expect(isScope('commands:everything')).toBe(false);
  });
});
