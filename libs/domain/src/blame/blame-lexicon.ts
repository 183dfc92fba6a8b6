/**
 * Domain vocabulary for the blame screen. These sets never decide on their own: the rules in
 * blame-rules.ts only use them together with clause structure, parts of speech and the model's sentiment
 * lexicon (e.g. a failure verb only counts when a person or team is the subject of its clause).
 */

/** Heads of noun phrases that name one of our own teams (the targets of team verdicts). */
export const TEAM_WORDS = new Set([
  'sales',
  'marketing',
  'sdr',
  'sdrs',
  'bdr',
  'bdrs',
  'ae',
  'aes',
  'rep',
  'reps',
  'team',
  'teams',
  'guys',
  'leadership',
  'gen',
  'org',
  'department',
  'ops',
  'revops',
]);

/**
 * Capitalised subjects that are not our people: buyers, their functions, and sentence-initial common nouns
 * the tagger reads as proper nouns. Statements about buyers are what the ledger is for, never blame.
 */
export const NON_ACTOR_WORDS = new Set([
  'customer',
  'customers',
  'client',
  'clients',
  'prospect',
  'prospects',
  'buyer',
  'buyers',
  'procurement',
  'legal',
  'finance',
  'security',
  'vendor',
  'competitor',
  'champion',
  'budget',
  'review',
  'lead',
  'leads',
  'nobody',
  'rejected',
  'price',
]);

/** Things one team produces for the other; contempt aimed at them is contempt for the team. */
export const WORK_PRODUCTS = new Set([
  'lead',
  'leads',
  'mql',
  'mqls',
  'sql',
  'sqls',
  'meeting',
  'meetings',
  'data',
  'list',
  'content',
  'deck',
  'battlecard',
  'battlecards',
  'brief',
  'copy',
  'campaign',
  'email',
  'asset',
  'note',
  'notes',
  'forecast',
  'handoff',
  'demo',
  'pitch',
]);

/** Contempt words the sentiment lexicon scores as neutral or even positive ("a joke"). */
export const CONTEMPT_WORDS = new Set([
  'junk',
  'garbage',
  'trash',
  'rubbish',
  'crap',
  'crappy',
  'fluff',
  'worthless',
  'useless',
  'joke',
  'clown',
  'clowns',
  'idiot',
  'idiots',
  'amateur',
  'amateurs',
  'moron',
  'morons',
  'pathetic',
]);

/** Failure verbs the sentiment lexicon misses (it scores "fumbled", "blew", "sandbagging" as 0). */
export const FAILURE_VERBS = new Set([
  'fumble',
  'blow',
  'blew',
  'sandbag',
  'skip',
  'neglect',
  'ghost',
  'flake',
  'screw',
]);

/**
 * Verbs the sentiment lexicon scores negative that describe outcomes or routine pipeline work, not conduct:
 * "sales lost the deal on price", "the SDRs rejected the lead", "marketing paused the campaign".
 */
export const ROUTINE_VERBS = new Set([
  'lose',
  'drop',
  'miss',
  'reject',
  'disqualify',
  'decline',
  'cancel',
  'delay',
  'stop',
  'pause',
  'cut',
  'block',
  'warn',
  'object',
  'question',
  'challenge',
  'doubt',
  'worry',
  'struggle',
  'assume',
]);

/** Character verdicts the lexicon scores as neutral ("Raj is always late"). */
export const VERDICT_ADJECTIVES = new Set(['late', 'asleep', 'slow', 'absent', 'sloppy', 'lazy']);

/** Nouns that place blame when they are said of a person or team. */
export const BLAME_NOUNS = new Set(['failure', 'mess', 'disaster', 'fault', 'blame']);
/** Nouns that place blame only as a predicate: "Mark is the reason", "sales is the bottleneck". */
export const BLAME_PREDICATES = new Set(['reason', 'problem', 'bottleneck']);

/** Adverbs between a subject and its verb that do not change who the clause is about. */
export const SUBJECT_STOP_ADVERBS = new Set([
  'never',
  'always',
  'just',
  'only',
  'actually',
  'really',
  'still',
  'also',
  'even',
  'constantly',
  'again',
  'honestly',
]);

/** Markers that turn "never X" into a policy ("we never launch without a sales review"). */
export const POLICY_MARKERS = new Set(['without', 'unless', 'until']);

interface Idiom {
  /** Lemmas in order; '*' matches any single token. */
  readonly lemmas: readonly string[];
  /** True when the idiom is only a verdict with a person or team as subject ("no clue", "went dark"). */
  readonly needsActor: boolean;
}

/** Verdict idioms a word-by-word reading cannot see. */
export const IDIOMS: readonly Idiom[] = [
  { lemmas: ['drop', 'the', 'ball'], needsActor: false },
  { lemmas: ['asleep', 'at', 'the', 'wheel'], needsActor: false },
  { lemmas: ['weak', 'link'], needsActor: false },
  { lemmas: ['over', 'the', 'wall'], needsActor: false },
  { lemmas: ['under', 'the', 'bus'], needsActor: false },
  { lemmas: ['save', '*', 'life'], needsActor: false },
  { lemmas: ['no', 'clue'], needsActor: true },
  { lemmas: ['no', 'idea'], needsActor: true },
  { lemmas: ['on', 'a', 'plate'], needsActor: true },
  { lemmas: ['only', 'care', 'about'], needsActor: true },
  { lemmas: ['hold', '*', 'hand'], needsActor: true },
  { lemmas: ['drag', '*', 'foot'], needsActor: true },
  { lemmas: ['go', 'dark'], needsActor: true },
];
