import {
  isActor,
  isNominal,
  isPossessive,
  negativity,
  ownerStart,
  phraseAt,
  type Subject,
  subjectOf,
} from './blame-actors.js';
import {
  BLAME_NOUNS,
  BLAME_PREDICATES,
  CONTEMPT_WORDS,
  FAILURE_VERBS,
  IDIOMS,
  POLICY_MARKERS,
  ROUTINE_VERBS,
  SUBJECT_STOP_ADVERBS,
  VERDICT_ADJECTIVES,
  WORK_PRODUCTS,
} from './blame-lexicon.js';
import { type Clause, type Sentence, type Token, wordSentiment } from './blame-text.js';

/** A span of the input (character offsets) that triggered the screen. */
export interface Hit {
  readonly start: number;
  readonly end: number;
}

const hit = (from: Token, to: Token): Hit => ({ start: from.start, end: to.end });
const isNegation = (t: Token): boolean => t.norm === "n't" || t.norm === 'not' || t.norm === 'never';
const isProduct = (t: Token | undefined): boolean =>
  t !== undefined && (WORK_PRODUCTS.has(t.lemma) || WORK_PRODUCTS.has(t.norm));
const PARTICLES = new Set(['up', 'out', 'through', 'back']);

/** A contempt word aimed at a work product or person; "junk" in "the junk folder" names a thing instead. */
const isContemptAt = (tokens: readonly Token[], k: number): boolean => {
  const next = tokens[k + 1];
  const namesThing = next !== undefined && (next.pos === 'NOUN' || next.pos === 'PROPN') && !isProduct(next);
  return CONTEMPT_WORDS.has(tokens[k].norm) && !namesThing;
};

/** Extends a cue over what completes it, so the phrase reads whole: "screwed up", "a terrible topic". */
const complete = (tokens: readonly Token[], k: number): Token => {
  const next = tokens[k + 1];
  if (next === undefined) return tokens[k];
  if (PARTICLES.has(next.norm)) return next;
  if (tokens[k].pos === 'ADJ' && (next.pos === 'NOUN' || isProduct(next))) return next;
  return tokens[k];
};

const matchesAt = (tokens: readonly Token[], k: number, lemmas: readonly string[]): boolean =>
  lemmas.every((l, j) => {
    const t = tokens[k + j];
    return t !== undefined && (l === '*' || t.lemma === l || t.norm === l);
  });

/** Idioms: "dropped the ball", "asleep at the wheel"; some only count with a person or team as subject. */
const idiomHits = (clause: Clause, subject: Subject): Hit[] =>
  IDIOMS.flatMap((idiom) =>
    clause.tokens.flatMap((t, k) => {
      if (!matchesAt(clause.tokens, k, idiom.lemmas)) return [];
      const last = clause.tokens[k + idiom.lemmas.length - 1];
      if (subject.actor) return [hit(subject.tokens[0], last)];
      return idiom.needsActor ? [] : [hit(t, last)];
    }),
  );

/** Negated conduct ("never follows up", "don't follow up"); not a policy ("never ... without a review"). */
const negatedVerb = (pred: readonly Token[], k: number): number | null => {
  if (pred.slice(k).some((t) => POLICY_MARKERS.has(t.norm))) return null;
  let v = k + 1;
  while (v < pred.length && (pred[v].pos === 'ADV' || isNegation(pred[v]))) v += 1;
  const verb = pred[v];
  return verb === undefined || ['DET', 'PUNCT', 'ADP'].includes(verb.pos) ? null : v;
};

/** Conduct the lexicon scores negative ("ignored", "botched"), failure verbs it misses, and "over-" verbs. */
const isFailureVerb = (t: Token, isHead: boolean): boolean => {
  if ((t.pos !== 'VERB' && !isHead) || ROUTINE_VERBS.has(t.lemma)) return false;
  const over = t.lemma.startsWith('over') && t.lemma.length > 6;
  return FAILURE_VERBS.has(t.lemma) || FAILURE_VERBS.has(t.norm) || over || wordSentiment(t.lemma) < 0;
};

/** A word that judges whoever it is said of: "is clueless", "is a joke", "is the reason". */
const isVerdictWord = (t: Token, copular: boolean): boolean => {
  if (CONTEMPT_WORDS.has(t.norm) || BLAME_NOUNS.has(t.lemma)) return true;
  if (copular) {
    if (VERDICT_ADJECTIVES.has(t.norm) || BLAME_PREDICATES.has(t.lemma)) return true;
    return (t.pos === 'ADJ' || t.pos === 'NOUN') && negativity(t) < 0;
  }
  // Outside "X is ...", only strongly negative attributes count ("a terrible topic", "the worst battlecard").
  return t.pos === 'ADJ' && negativity(t) <= -0.4;
};

/** The first verdict cue (token index) in the predicate of a clause about a person or team. */
const actorCue = (clause: Clause, pred: readonly Token[]): number | null => {
  const firstReal = pred.findIndex((t) => !SUBJECT_STOP_ADVERBS.has(t.norm));
  const copular = firstReal >= 0 && pred[firstReal].lemma === 'be';
  const head = pred.findIndex((t, k) => k >= firstReal && t.pos !== 'AUX');
  // A noun followed by a verb after the head opens an embedded clause about something else
  // ("keeps overselling features we don't have", "warned us the promo would confuse buyers").
  const embedded = pred.findIndex(
    (t, k) => k > head && isNominal(t) && ['AUX', 'VERB'].includes(pred[k + 1]?.pos ?? ''),
  );
  const own = embedded < 0 ? pred : pred.slice(0, embedded);
  for (const [k, t] of own.entries()) {
    if (copular && t.pos === 'ADP') break;
    if (isNegation(t)) {
      const verb = negatedVerb(pred, k);
      if (verb !== null) return verb;
    }
    // "discounts too early", "too lazy to read": excess is a judgement of the one doing it.
    if (t.norm === 'too' && pred[k + 1] !== undefined && ['ADJ', 'ADV'].includes(pred[k + 1].pos))
      return k + 1;
    if (isFailureVerb(t, k === head) || isVerdictWord(t, copular)) return k;
  }
  // "if sales actually did their job" says they do not.
  const actually = pred.findIndex((t) => t.norm === 'actually');
  if (clause.intro !== 'if' || actually < 0) return null;
  const noun = pred.findIndex((t, k) => k > actually && (t.pos === 'NOUN' || t.pos === 'PROPN'));
  return noun >= 0 ? noun : actually;
};

const clauseHits = (clause: Clause): Hit[] => {
  const subject = subjectOf(clause);
  const hits = idiomHits(clause, subject);
  const first = subject.tokens[0];
  const pred = subject.predicate;
  if (!subject.actor) {
    // "Those webinar leads marketing sent were useless": contempt said of a work product.
    const contempt = pred.find((_, k) => isContemptAt(pred, k));
    if (first !== undefined && contempt !== undefined && subject.tokens.some(isProduct))
      hits.push(hit(first, contempt));
    return hits;
  }
  // Contempt inside the subject: "Dan's sloppy notes", "Marketing's garbage data".
  const harsh = subject.tokens.find(
    (t) => CONTEMPT_WORDS.has(t.norm) || (t.pos === 'ADJ' && negativity(t) < 0),
  );
  if (harsh !== undefined) hits.push(hit(first, subject.tokens[subject.tokens.length - 1]));
  const cue = actorCue(clause, pred);
  if (cue !== null) hits.push(hit(first, complete(pred, cue)));
  return hits;
};

/** Contempt for a work product ("junk leads", "leads that are pure junk"), not "the junk folder". */
const contemptHits = (tokens: readonly Token[]): Hit[] => {
  if (!tokens.some((t) => isProduct(t) || isActor(t))) return [];
  return tokens.flatMap((t, k) => {
    const next = tokens[k + 1];
    const product = isProduct(next);
    const harsh = isContemptAt(tokens, k) || (product && t.pos === 'ADJ' && negativity(t) <= -0.4);
    if (!harsh) return [];
    const owner =
      k >= 2 && isPossessive(tokens[k - 1]) && isActor(tokens[k - 2]) ? ownerStart(tokens, k - 1) : k;
    return [hit(tokens[owner], product ? next : t)];
  });
};

/** The person or team named right after `k` ("Blame the demand gen team"), if any. */
const actorAfter = (tokens: readonly Token[], k: number): Token | null => {
  const np = phraseAt(tokens, k + 1);
  return np !== null && isActor(np.head) ? np.last : null;
};

/** "X's fault", "their fault", "it's on marketing", "Blame marketing", "thanks to Greg we lost". */
const attributionHits = (tokens: readonly Token[]): Hit[] =>
  tokens.flatMap((t, k): Hit[] => {
    const prev = tokens[k - 1];
    if (t.lemma === 'fault' && prev !== undefined) {
      const owner = isPossessive(prev) ? ownerStart(tokens, k - 1) : k;
      if (tokens.slice(owner, k).some(isActor)) return [hit(tokens[owner], t)];
      if (['his', 'her', 'their'].includes(prev.norm)) return [hit(prev, t)];
    }
    const startsClause = k === 0 || prev?.pos === 'PUNCT';
    const blamed = t.lemma === 'blame' && startsClause ? actorAfter(tokens, k) : null;
    if (blamed !== null) return [hit(t, blamed)];
    const onWhom =
      t.norm === 'on' && prev?.lemma === 'be' && tokens[k - 2]?.norm === 'it' ? actorAfter(tokens, k) : null;
    if (onWhom !== null) return [hit(tokens[k - 2], onWhom)];
    // "thanks to / due to / because of <actor> ... lost": the actor is named as the cause of a bad outcome.
    const cause =
      (['thanks', 'due'].includes(t.norm) && tokens[k + 1]?.norm === 'to') || t.norm === 'because';
    const byWhom =
      cause && ['to', 'of'].includes(tokens[k + 1]?.norm ?? '') ? actorAfter(tokens, k + 1) : null;
    const bad = tokens.slice(k + 2).find((r) => r.pos === 'VERB' && negativity(r) < 0);
    return byWhom !== null && bad !== undefined ? [hit(t, bad)] : [];
  });

/** Every span in the text that passes a verdict on a person or team. */
export const findBlame = (sentences: readonly Sentence[]): Hit[] =>
  sentences.flatMap((s) => [
    ...s.clauses.flatMap(clauseHits),
    ...contemptHits(s.tokens),
    ...attributionHits(s.tokens),
  ]);
