import { CommandRejected, type Decider, type DomainEvent, fold } from '#domain';

/**
 * Given/when/then for deciders: given past events, when a command is decided,
 * then these events — or then this rejection.
 */
export const given = <Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  history: Event[] = [],
) => ({
  when: (command: Command) => {
    const decide = () => decider.decide(command, fold(decider, history));
    return {
      then: (expected: Event[]) => expect(decide()).toEqual(expected),
      thenRejects: (kind: CommandRejected['kind'], code: string) => {
        let rejection: unknown;
        try {
          decide();
        } catch (error) {
          rejection = error;
        }
        expect(rejection).toBeInstanceOf(CommandRejected);
        expect(rejection).toMatchObject({ kind, code });
      },
    };
  },
});
