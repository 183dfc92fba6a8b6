import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** Loaded once: building the pipeline costs tens of milliseconds, tagging a note costs microseconds. */
const nlp = winkNLP(model);
const its = nlp.its;
// wink-nlp's typings give `its.lemma` the (index, rdd, addons) shape, which ItsFunction does not accept even
// though `out()` calls it exactly that way at runtime; this one cast is the narrow bridge.
const lemmaOf = its.lemma as unknown as ItsFunction<string>;

/** One token with what the rules need; `start`/`end` index the original text so phrases are exact substrings. */
export interface Token {
  readonly text: string;
  readonly norm: string;
  readonly lemma: string;
  readonly pos: string;
  readonly titleCase: boolean;
  readonly start: number;
  readonly end: number;
}

/** A clause: the unit whose subject a verdict is about. `intro` is the word that opened it ("if", "because"). */
export interface Clause {
  readonly tokens: readonly Token[];
  readonly intro: string | null;
}

export interface Sentence {
  readonly tokens: readonly Token[];
  readonly clauses: readonly Clause[];
}

const sentimentCache = new Map<string, number>();

/** Polarity of one word from the model's sentiment lexicon (negative < 0); memoised because it is pure. */
export const wordSentiment = (word: string): number => {
  const cached = sentimentCache.get(word);
  if (cached !== undefined) return cached;
  const score = Number(nlp.readDoc(word).out(its.sentiment));
  const value = Number.isFinite(score) ? score : 0;
  sentimentCache.set(word, value);
  return value;
};

const CLAUSE_PUNCT = new Set([',', ';', ':', '.', '!', '?', '(', ')', '"', '“', '”', '—', '–']);
const CLAUSE_WORDS = new Set([
  'because',
  'since',
  'while',
  'when',
  'if',
  'after',
  'before',
  'until',
  'although',
  'though',
  'whereas',
  'which',
  'who',
  'then',
  'so',
]);
const NEW_SUBJECT_POS = new Set(['DET', 'PRON', 'NOUN', 'PROPN', 'NUM']);

/** Where a new clause starts: punctuation, subordinators, or "and/but" followed by a fresh subject. */
const isClauseBreak = (tokens: readonly Token[], k: number): boolean => {
  const t = tokens[k];
  if (t.pos === 'PUNCT' && CLAUSE_PUNCT.has(t.text)) return true;
  // "so-called" is a prefix, not "so" opening a clause.
  if (CLAUSE_WORDS.has(t.norm) && tokens[k + 1]?.text !== '-') return true;
  if (t.norm === 'that' && (t.pos === 'SCONJ' || t.pos === 'PRON')) return true;
  if (t.pos === 'CCONJ' && k + 1 < tokens.length && NEW_SUBJECT_POS.has(tokens[k + 1].pos)) return true;
  return false;
};

const splitClauses = (tokens: readonly Token[]): Clause[] => {
  const clauses: Clause[] = [];
  let current: Token[] = [];
  let intro: string | null = null;
  tokens.forEach((token, k) => {
    if (isClauseBreak(tokens, k)) {
      if (current.length > 0) clauses.push({ tokens: current, intro });
      current = [];
      intro = token.pos === 'PUNCT' ? null : token.norm;
      return;
    }
    current.push(token);
  });
  if (current.length > 0) clauses.push({ tokens: current, intro });
  return clauses;
};

/** Tokenises, tags and lemmatises `text`, then cuts each sentence into clauses. */
export const analyse = (text: string): Sentence[] => {
  const doc = nlp.readDoc(text);
  const all = doc.tokens();
  const values = all.out();
  const norms = all.out(its.normal);
  const lemmas = all.out(lemmaOf);
  const tags = all.out(its.pos);
  const cases = all.out(its.case);
  let cursor = 0;
  const tokens: Token[] = values.map((value, k) => {
    // wink tokenises losslessly, but locate each token anyway so offsets can never drift.
    const found = text.indexOf(value, cursor);
    const start = found >= 0 ? found : cursor;
    cursor = found >= 0 ? start + value.length : cursor;
    return {
      text: value,
      norm: String(norms[k]),
      lemma: String(lemmas[k]).toLowerCase(),
      pos: String(tags[k]),
      titleCase: cases[k] === 'titleCase',
      start,
      end: found >= 0 ? cursor : start,
    };
  });
  const sentences: Sentence[] = [];
  const spans = doc.sentences();
  for (let s = 0; s < spans.length(); s += 1) {
    const span = spans.itemAt(s).tokens();
    // Empty or whitespace-only text yields a sentence with no tokens.
    if (span.length() === 0) continue;
    const own = tokens.slice(span.itemAt(0).index(), span.itemAt(span.length() - 1).index() + 1);
    sentences.push({ tokens: own, clauses: splitClauses(own) });
  }
  return sentences;
};
