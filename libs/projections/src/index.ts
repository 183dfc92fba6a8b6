// Projections (scorecard, alignment health, objection gaps, retro boards) arrive in the next issue.
export {};
