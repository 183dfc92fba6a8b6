import { NON_ACTOR_WORDS, SUBJECT_STOP_ADVERBS, TEAM_WORDS } from './blame-lexicon.js';
import { type Clause, type Token, wordSentiment } from './blame-text.js';

/** Helpers that decide who a clause is about: one of our people or teams (an "actor"), or something else. */

const isTeam = (t: Token): boolean => TEAM_WORDS.has(t.norm);
/** The lite English model has no PERSON entity, so a person is a capitalised proper noun that is not a buyer. */
const isPerson = (t: Token): boolean => t.pos === 'PROPN' && t.titleCase && !NON_ACTOR_WORDS.has(t.norm);
export const isActor = (t: Token): boolean => isTeam(t) || isPerson(t);
export const isPossessive = (t: Token): boolean =>
  t.norm === "'s" || t.norm === '’s' || t.text === "'" || t.text === '’';
export const isNominal = (t: Token): boolean =>
  t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || isTeam(t);
/** Most negative lexicon score of the word as written and as lemma ("ignored" vs "ignore"). */
export const negativity = (t: Token): number => Math.min(wordSentiment(t.norm), wordSentiment(t.lemma));

/** The part of a clause before its verb, the rest, and whether the subject names one of our people or teams. */
export interface Subject {
  readonly tokens: readonly Token[];
  readonly predicate: readonly Token[];
  readonly actor: boolean;
}

/** Determiners that open a new noun phrase; inside a subject they betray a verb the tagger read as a noun. */
const NP_OPENERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'these',
  'those',
  'my',
  'our',
  'their',
  'his',
  'her',
  'its',
]);
const VERB_LIKE = new Set(['VERB', 'AUX', 'SCONJ']);

const subjectEnd = (all: readonly Token[]): number => {
  let seenNominal = false;
  for (const [k, t] of all.entries()) {
    if (VERB_LIKE.has(t.pos) || SUBJECT_STOP_ADVERBS.has(t.norm)) return k;
    // "The inside sales reps": a preposition before any noun is part of the noun phrase.
    if (t.pos === 'ADP' && seenNominal) return k;
    // "Ryan botched the call": a determiner after a noun means the word before it was the verb.
    if (k >= 2 && seenNominal && NP_OPENERS.has(t.norm) && t.pos === 'DET') return k - 1;
    if (isNominal(t)) seenNominal = true;
  }
  return all.length;
};

export const subjectOf = (clause: Clause): Subject => {
  const end = subjectEnd(clause.tokens);
  const tokens = clause.tokens.slice(0, end);
  const head = tokens.filter(isNominal).at(-1);
  // "Marketing's leads", "Dan's notes": a possessive actor makes the clause about them too.
  const owned = tokens.some((t, k) => isActor(t) && k + 1 < tokens.length && isPossessive(tokens[k + 1]));
  const actor = head !== undefined && (isActor(head) || owned);
  return { tokens, predicate: clause.tokens.slice(end), actor };
};

/** Walks left from a possessive marker over the noun phrase that owns it ("the sales team's"). */
export const ownerStart = (tokens: readonly Token[], k: number): number => {
  let s = k;
  while (s > 0 && (isNominal(tokens[s - 1]) || tokens[s - 1].pos === 'DET' || tokens[s - 1].pos === 'ADJ'))
    s -= 1;
  return s;
};

/** The noun phrase starting at `from` ("the demand gen team"): its last token and its head. */
export const phraseAt = (tokens: readonly Token[], from: number): { last: Token; head: Token } | null => {
  let k = from;
  while (
    k < tokens.length &&
    (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(tokens[k].pos) || isTeam(tokens[k]))
  ) {
    k += 1;
  }
  const words = tokens.slice(from, k);
  const head = words.filter(isNominal).at(-1);
  return head === undefined ? null : { last: words[words.length - 1], head };
};
