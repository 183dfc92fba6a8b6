import { CommandRejected, type Decider, type DomainEvent, fold } from '#domain';

/** The refusal deciding threw; any other error propagates, and no error at all fails the test. */
const rejectionOf = (decide: () => unknown): CommandRejected => {
  try {
    decide();
  } catch (error) {
    if (error instanceof CommandRejected) return error;
    throw error;
  }
  throw new Error('expected the command to be rejected, but it was accepted');
};

/**
 * Given/when/then for deciders: given past events, when a command is decided,
 * then these events — or then this rejection, naming the field where one is given.
 * The rejection is returned for checks of its details.
 */
export const given = <Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  history: Event[] = [],
) => ({
  when: (command: Command) => {
    const decide = () => decider.decide(command, fold(decider, history));
    return {
      then: (expected: Event[]) => expect(decide()).toEqual(expected),
      thenRejects: (kind: CommandRejected['kind'], code: string, field?: string): CommandRejected => {
        const rejection = rejectionOf(decide);
        expect(rejection).toMatchObject(field === undefined ? { kind, code } : { kind, code, field });
        return rejection;
      },
    };
  },
});
