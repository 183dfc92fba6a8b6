import { requireMember } from './roster-lookup.js';

describe('requireMember', () => {
  const roster = { sam: 'sales', mia: 'marketing' } as const;

  it('given a member of the required team, then nothing is refused', () => {
    expect(() => requireMember(roster, 'sam', 'sales', 'reviewedBy')).not.toThrow();
  });

  it('given an unknown person, then 422 person-not-on-roster names the field', () => {
    expect(() => requireMember(roster, 'ghost', 'sales', 'reviewedBy')).toThrow(
      expect.objectContaining({ kind: 'rule', code: 'person-not-on-roster', field: 'reviewedBy' }),
    );
  });

  it('given a person of the other team, then 422 names the team rule', () => {
    expect(() => requireMember(roster, 'mia', 'sales', 'reviewedBy')).toThrow(
      expect.objectContaining({ kind: 'rule', code: 'person-not-in-sales', field: 'reviewedBy' }),
    );
  });
});

describe('roster lookups use own properties only', () => {
  it('given an id named like an Object.prototype member, then it is not on the roster', () => {
    expect(() => requireMember({}, 'constructor', 'sales', 'owner')).toThrow(
      expect.objectContaining({ code: 'person-not-on-roster' }),
    );
  });
});
