import { findBlame, type Hit } from './blame-rules.js';
import { analyse } from './blame-text.js';

/** The screen's answer: which substrings judged a person or team, and how to say it blamelessly instead. */
/** A blaming verdict always carries the phrases and a hint for restating them. */
type BlameVerdict =
  { blaming: true; phrases: string[]; hint: string } | { blaming: false; phrases: []; hint: null };

export const BLAME_HINT =
  'Restate this as an observation of the process: say what happened to the lead, deal or step, and what in ' +
  'the system let it happen (e.g. "4 of 12 webinar leads had no follow-up within 48 hours" rather than ' +
  '"sales never follows up").';

/** Overlapping or touching spans become one phrase, so a sentence is not reported in fragments. */
const merge = (hits: readonly Hit[]): Hit[] => {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Hit[] = [];
  for (const h of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && h.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, h.end) };
    } else {
      merged.push(h);
    }
  }
  return merged;
};

/**
 * Classifies free text as blaming (a verdict on a person or team) or not (an observation of a system or
 * process). Pure and deterministic: the same text always gets the same verdict.
 */
export const screenForBlame = (text: string): BlameVerdict => {
  const phrases = [...new Set(merge(findBlame(analyse(text))).map((h) => text.slice(h.start, h.end)))].filter(
    (p) => p.trim().length > 0,
  );
  return phrases.length > 0
    ? { blaming: true, phrases, hint: BLAME_HINT }
    : { blaming: false, phrases: [], hint: null };
};
