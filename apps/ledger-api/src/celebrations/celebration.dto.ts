import { type AttendeeDto, Attendees } from '../commands/attendee.dto.js';
import { EntityIdList, OccurredAt, Period } from '../commands/dto-rules.js';
import { KindOf, OneOfKind } from '../commands/one-of-kind.js';

export class GoalCelebrationSubjectDto {
  @KindOf('goal')
  kind!: 'goal';

  @Period('2026-Q4', 'The period whose shared goal was reached')
  period!: string;
}

export class DealsCelebrationSubjectDto {
  @KindOf('deals')
  kind!: 'deals';

  @EntityIdList({
    maxItems: 100,
    minItems: 1,
    uniqueItems: true,
    example: ['deal-acme'],
    description: 'The deals won together, each once (an empty or repeating list is a 422)',
  })
  dealIds!: string[];
}

/** What is celebrated: a goal period or deals. */
export type CelebrationSubjectDto = GoalCelebrationSubjectDto | DealsCelebrationSubjectDto;

export class CelebrateWinDto {
  @OneOfKind(
    { goal: GoalCelebrationSubjectDto, deals: DealsCelebrationSubjectDto },
    'What is celebrated: a goal period or deals',
  )
  subject!: CelebrationSubjectDto;

  @Attendees()
  attendees!: AttendeeDto[];

  @OccurredAt()
  occurredAt?: string;
}
