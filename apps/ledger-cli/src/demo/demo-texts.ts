import type { ObjectionCategory, RejectionReason } from './demo-context.js';

/*
 * The demo's free text: observations of the process, never verdicts on people
 * or teams (the ledger's blame screen flags or refuses those), and no names
 * (names are personal data, given at registration only).
 */

export const OBJECTION_TEXTS: Record<ObjectionCategory, readonly string[]> = {
  price: [
    'The quote is above the budget approved for this year',
    'Procurement compared the annual price with a cheaper monthly tool',
    'The per-seat price doubles once they pass fifty users',
    'Finance asked for a discount to match the incumbent renewal',
  ],
  timing: [
    'The buyer wants to wait until the next fiscal year starts',
    'A reorganisation freezes new tools until the summer',
    'They need the rollout after their peak season ends',
  ],
  competitor: [
    'They are trialling a competitor that bundles reporting',
    'The incumbent offered a free year to stay',
    'A competitor demo showed a native mobile app',
    'Their agency already uses a rival platform',
  ],
  'feature-gap': [
    'They need approval workflows with more than two steps',
    'Custom fields on the account page are a must for them',
    'The buyer asked for offline access on tablets',
    'Reporting cannot split revenue by region yet',
  ],
  integration: [
    'Their ERP sync needs a connector that is not on the roadmap',
    'The CRM integration does not map their custom objects',
    'Single sign-on with their identity provider needs extra setup',
    'They export data nightly and the API limits look tight',
  ],
  trust: [
    'Security asked for a recent penetration test report',
    'Legal wants data residency inside the EU confirmed in writing',
    'The buyer asked for references in their industry',
  ],
  other: ['The champion is changing roles next month', 'They asked for the contract in their own template'],
};

export const REJECTION_TEXTS: Record<RejectionReason, string> = {
  'no-budget': 'Budget for new tools is frozen until next quarter',
  'no-authority': 'The contact is a researcher without a buying role',
  'no-need': 'They solved the problem with an internal spreadsheet',
  'bad-timing': 'The evaluation is planned for the second half of the year',
  'wrong-fit': 'The company has four employees, below the target segment',
  duplicate: 'The same contact is already open on another lead',
  'bad-contact-data': 'The phone number and the email address both bounced',
  other: 'The request was for a partnership, not a purchase',
};

export const LOSS_REASONS: readonly string[] = [
  'Chose the incumbent after a price match',
  'The integration with their ERP was needed at launch',
  'Budget moved to a hiring plan',
  'A competitor bundled the tool with their existing suite',
  'The project was postponed after a leadership change',
  'Security review could not finish before their deadline',
];

export const REVIEW_REASONS = {
  endorse: [
    'Customers keep asking for exactly this offer',
    'The talking points match the objections we hear most',
    'The timing fits the renewal calendar',
  ],
  concerns: [
    'The launch date overlaps with quarter close',
    'The discount undercuts prices already quoted to open deals',
    'The audience list includes accounts in active negotiation',
  ],
} as const;

export const BLINDSIDE_NOTES: readonly string[] = [
  'The customer quoted an offer that was not in the briefing pack',
  'A prospect asked about a webinar invitation the rep had not seen',
  'The customer mentioned a discount code from an email sent that morning',
  'A renewal call opened with questions about a promotion not yet shared with sales',
];

export const HUDDLE_WORKING: readonly string[] = [
  'Webinar leads convert well when called within a day',
  'The ROI calculator shortens finance reviews',
  'Shared pipeline numbers make the weekly review quicker',
  'Reps reuse the objection answers from the content library',
  'Joint account planning on the top ten deals',
];

export const HUDDLE_NOT_WORKING: readonly string[] = [
  'Friday handoffs wait over the weekend before the first call',
  'Integration questions have no answer in the content library',
  'Briefings arrive after the campaign emails go out',
  'Lead scores do not reflect company size',
  'The comparison deck is out of date for the newest competitor',
];

export const ACTION_ITEMS: readonly string[] = [
  'Draft an answer sheet for the top integration questions',
  'Move the lead handoff cut-off to Friday noon',
  'Share campaign drafts with sales two weeks before launch',
  'Add company size to the lead scoring model',
  'Update the competitor comparison deck',
  'Record a short briefing video for each launch',
  'Review rejected leads from the last two weeks together',
  'Add a security FAQ to the content library',
];
