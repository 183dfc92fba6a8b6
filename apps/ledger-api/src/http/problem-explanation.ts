/** What a problem type means, for people reading its page; `code` in backticks. */
export interface ProblemExplanation {
  title: string;
  description: string;
  fix: string;
}
