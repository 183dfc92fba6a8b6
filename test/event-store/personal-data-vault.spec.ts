import {
  PersonForgottenError,
  PersonalDataVault,
  PostgresEventStore,
  anyState,
  findChainBreak,
} from '#event-store';
import { createTestPglite, createTestPostgres } from '#testing';

describe.each([
  ['PGlite', createTestPglite],
  ['PostgreSQL server', createTestPostgres],
])('personal data vault (%s)', (_backend, createDb) => {
  it('seals a name into a token only the person’s key opens, and forgetting destroys it without touching the log', async () => {
    const db = await createDb();
    const store = await PostgresEventStore.open(db);
    const vault = new PersonalDataVault(db);

    const token = await vault.seal('sam', 'Sam Okafor');
    expect(token).not.toContain('Sam');
    expect(await vault.open('sam', token)).toBe('Sam Okafor');
    expect(await vault.open('ana', token)).toBeNull();
    const second = await vault.seal('sam', 'Sam O.');
    expect(second.split('.')[1]).toBe(token.split('.')[1]);

    await store.append({
      streamId: 'roster',
      events: [
        {
          eventId: '0d0c1f58-5d7e-4c43-9a0e-3f1d2a4b5c6d',
          type: 'TeamMemberRegistered',
          schemaVersion: 1,
          data: { personId: 'sam', team: 'sales', sealedDisplayName: token },
          metadata: {
            commandId: 'c',
            correlationId: 'c',
            causationId: 'c',
            actor: null,
            occurredAt: '2026-11-02T09:00:00.000Z',
          },
        },
      ],
      expectedState: anyState,
      command: { commandId: 'register-sam', fingerprint: 'f' },
    });
    const before = await store.readAll();

    expect(await vault.forget('sam')).toBe(1);
    expect(await vault.open('sam', token)).toBeNull();
    const after = await store.readAll();
    expect(after).toEqual(before);
    expect(findChainBreak(after)).toBeNull();

    await expect(vault.seal('sam', 'Sam Again')).rejects.toThrow(PersonForgottenError);
    expect(await vault.forget('sam')).toBe(0);
    expect(await vault.open('ana', await vault.seal('ana', 'Ana Lima'))).toBe('Ana Lima');
    await store.close();
  });
});
