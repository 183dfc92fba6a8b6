import type { AlignmentHealth } from '#client';

export type SignName = Exclude<keyof AlignmentHealth, 'at' | 'window'>;

/** The six warning signs of a broken sales–marketing relationship: what each means, and its cure. */
export const SIGNS: readonly { name: SignName; label: string; meaning: string; cure: string }[] = [
  {
    name: 'salesBlindsided',
    label: 'Sales blindsided',
    meaning: 'Customers hear of campaigns before the reps who sell to them do.',
    cure: 'Brief reps before launch, and check that they acknowledged it.',
  },
  {
    name: 'strategyNotShared',
    label: 'Strategy not shared',
    meaning: 'Campaigns go out without the people closest to customers having seen them.',
    cure: 'Let sales review the draft before it launches.',
  },
  {
    name: 'objectionsUnheard',
    label: 'Objections unheard',
    meaning: 'Sales hears the same objections every day and marketing has nothing that answers them.',
    cure: 'Publish content for the top objections.',
  },
  {
    name: 'noSharedCelebration',
    label: 'No shared celebration',
    meaning: 'Deals are won and each team celebrates alone, or nobody does.',
    cure: 'Celebrate together: both teams in the room for the win.',
  },
  {
    name: 'blameGame',
    label: 'Blame game',
    meaning: 'Notes point at people instead of at the process.',
    cure: 'Debrief without blame: what happened, what the process lacked.',
  },
  {
    name: 'huddleCadence',
    label: 'Huddle cadence',
    meaning: 'The teams have not met in a week: surprises build up.',
    cure: 'Hold the weekly joint huddle.',
  },
];
