import { blameCorpus, type LabeledSentence } from '../../test/blame-corpus.js';
import { BLAME_HINT, screenForBlame } from './blame-screen.js';

/**
 * Sentences kept out of the corpus and never used while writing the rules: they show whether the screen
 * generalises. Reported, but only the corpus thresholds fail the build.
 */
const heldOut: readonly LabeledSentence[] = [
  { text: 'The marketing team is completely out of touch with buyers.', blaming: true },
  { text: 'Nick fumbled the handoff and we lost the account.', blaming: true },
  { text: 'Sales never logs the objections they hear.', blaming: true },
  { text: 'Those leads from marketing were total rubbish.', blaming: true },
  { text: "It's the BDRs' fault the pipeline is empty.", blaming: true },
  { text: "Our AEs can't handle a technical buyer.", blaming: true },
  { text: 'Marketing sat on the case study for a month and the deal died.', blaming: true },
  { text: 'The lead form never asks for company size.', blaming: false },
  { text: 'Sarah shipped the new deck ahead of schedule.', blaming: false },
  { text: 'The pipeline report failed to refresh on Monday.', blaming: false },
  { text: 'We never publish a case study without customer sign-off.', blaming: false },
  { text: 'Prospects keep saying the onboarding is too long.', blaming: false },
  { text: 'The handoff meeting was cancelled because of the holiday.', blaming: false },
  { text: 'Marketing always loops in sales before changing the scoring model.', blaming: false },
];

interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly misses: readonly string[];
  readonly falseAlarms: readonly string[];
}

const score = (sentences: readonly LabeledSentence[]): Scores => {
  const results = sentences.map((s) => ({ ...s, flagged: screenForBlame(s.text).blaming }));
  const truePositives = results.filter((r) => r.flagged && r.blaming).length;
  const flagged = results.filter((r) => r.flagged).length;
  const actual = results.filter((r) => r.blaming).length;
  return {
    precision: flagged === 0 ? 0 : truePositives / flagged,
    recall: actual === 0 ? 0 : truePositives / actual,
    misses: results.filter((r) => r.blaming && !r.flagged).map((r) => r.text),
    falseAlarms: results.filter((r) => !r.blaming && r.flagged).map((r) => r.text),
  };
};

const report = (name: string, count: number, s: Scores): string =>
  `blame screen on ${count} ${name}: precision ${s.precision.toFixed(2)}, recall ${s.recall.toFixed(2)}` +
  (s.misses.length > 0 ? `\n  missed: ${s.misses.join(' | ')}` : '') +
  (s.falseAlarms.length > 0 ? `\n  false alarms: ${s.falseAlarms.join(' | ')}` : '');

describe('screenForBlame', () => {
  it('given a verdict on a named person, when screened, then it is blaming and quotes the phrase', () => {
    const verdict = screenForBlame('Dave dropped the ball on the Acme renewal.');
    expect(verdict.blaming).toBe(true);
    expect(verdict.phrases).toEqual(['Dave dropped the ball']);
  });

  it('given a verdict on a team, when screened, then the team and the verdict are quoted', () => {
    const verdict = screenForBlame('Sales never follows up on the leads we send them.');
    expect(verdict.blaming).toBe(true);
    expect(verdict.phrases).toEqual(['Sales never follows up']);
  });

  it("given contempt for a team's work, when screened, then it is blaming", () => {
    const verdict = screenForBlame("Marketing's junk leads wasted my whole week.");
    expect(verdict.blaming).toBe(true);
    expect(verdict.phrases.some((p) => p.startsWith("Marketing's junk leads"))).toBe(true);
  });

  it.each([
    'We never launch without a sales review.',
    'The CRM sync failed overnight.',
    'Dave closed the Acme deal, great work.',
    'Marketing shipped the battlecard on time.',
    'The leads from the webinar had no budget.',
    'Price is the objection we hear most.',
    'We never got the pricing sheet in time.',
  ])('given the observation "%s", when screened, then it is not blaming', (text) => {
    expect(screenForBlame(text)).toEqual({ blaming: false, phrases: [], hint: null });
  });

  it('given several blaming sentences, when screened, then every phrase is a substring of the input', () => {
    const text = "Honestly, Tom is useless on pricing calls. It's the SDRs' fault the meetings no-showed.";
    const verdict = screenForBlame(text);
    expect(verdict.phrases.length).toBeGreaterThanOrEqual(2);
    for (const phrase of verdict.phrases) expect(text).toContain(phrase);
  });

  it('given any corpus sentence, when screened, then a hint is present exactly when it is blaming', () => {
    for (const { text } of blameCorpus) {
      const verdict = screenForBlame(text);
      expect(verdict.hint).toBe(verdict.blaming ? BLAME_HINT : null);
      expect(verdict.phrases.length > 0).toBe(verdict.blaming);
      for (const phrase of verdict.phrases) expect(text).toContain(phrase);
    }
  });

  it('given the same text twice, when screened, then the verdicts are identical', () => {
    const text = 'Thanks to Greg we lost the Stark deal.';
    expect(screenForBlame(text)).toEqual(screenForBlame(text));
  });

  it('given the labeled corpus, when screened, then precision is at least 0.9 and recall at least 0.85', () => {
    const blamingCount = blameCorpus.filter((s) => s.blaming).length;
    expect(blameCorpus.length).toBeGreaterThanOrEqual(160);
    expect(blamingCount / blameCorpus.length).toBeGreaterThan(0.4);
    expect(blamingCount / blameCorpus.length).toBeLessThan(0.6);

    const corpus = score(blameCorpus);
    console.log(report('sentences', blameCorpus.length, corpus));
    console.log(report('held-out sentences', heldOut.length, score(heldOut)));

    expect(corpus.precision).toBeGreaterThanOrEqual(0.9);
    expect(corpus.recall).toBeGreaterThanOrEqual(0.85);
  });
});
