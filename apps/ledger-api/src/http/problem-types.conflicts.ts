import type { ConflictCode } from '#domain';
import type { ProblemExplanation } from './problem-explanation.js';

const SAME_ANSWER = 'If this is a retry, send it with the first `Idempotency-Key` to get the first answer.';

/** The domain's conflicts (409): the command contradicts what the stream already records. */
export const CONFLICT_PROBLEM_TYPES: Record<ConflictCode, ProblemExplanation> = {
  'action-item-not-found': {
    title: 'No such action item',
    description: 'The huddle or retro has no action item with this id.',
    fix: 'Use an `actionItemId` that the huddle was held with, or the retro was closed with (`GET /v1/retros/{retroId}`).',
  },
  'campaign-already-launched': {
    title: 'Campaign already launched',
    description:
      'The campaign was launched before; it is launched once, and proposals and reviews come before it.',
    fix: `Launch a new campaign under a new id. ${SAME_ANSWER}`,
  },
  'campaign-already-proposed': {
    title: 'Campaign already proposed',
    description: 'The campaign was proposed before.',
    fix: `Propose a new campaign under a new id. ${SAME_ANSWER}`,
  },
  'campaign-ended': {
    title: 'Campaign ended',
    description: 'The campaign has ended; nothing more is recorded against it.',
    fix: 'Record it against a campaign that is running (`GET /v1/campaigns/{campaignId}` shows its status).',
  },
  'campaign-not-launched': {
    title: 'Campaign not launched',
    description: 'The command needs a launched campaign, and this one is not (yet).',
    fix: 'Launch the campaign first (`POST /v1/campaigns/{campaignId}/launch`), or check the id.',
  },
  'campaign-not-proposed': {
    title: 'Campaign not proposed',
    description: 'Sales reviews a proposal, and this campaign was never proposed.',
    fix: 'Propose the campaign first (`POST /v1/campaigns/{campaignId}/propose`), or check the id.',
  },
  'campaign-unknown': {
    title: 'Unknown campaign',
    description: 'The campaign was neither proposed nor launched, so there is no briefing to acknowledge.',
    fix: 'Check the `campaignId`; acknowledge once the campaign has been proposed or launched.',
  },
  'celebration-already-recorded': {
    title: 'Celebration already recorded',
    description: 'A celebration with this id was recorded before.',
    fix: `Use a new \`celebrationId\` for another celebration. ${SAME_ANSWER}`,
  },
  'content-already-published': {
    title: 'Content already published',
    description: 'Content with this id was published before.',
    fix: 'Publish new content under a new `contentId`.',
  },
  'content-already-withdrawn': {
    title: 'Content already withdrawn',
    description: 'The content was withdrawn before.',
    fix: 'Nothing to do: it is no longer live.',
  },
  'content-not-published': {
    title: 'Content not published',
    description: 'Only published content can be withdrawn, and this content was never published.',
    fix: 'Check the `contentId`.',
  },
  'deal-already-recorded': {
    title: 'Deal already recorded',
    description: 'The deal was recorded before with other details; a deal is recorded once, when it closes.',
    fix: `Check the \`dealId\`; the first record stands. ${SAME_ANSWER}`,
  },
  'huddle-already-held': {
    title: 'Huddle already held',
    description: 'A huddle with this id was held before.',
    fix: `Record another huddle under a new \`huddleId\`. ${SAME_ANSWER}`,
  },
  'lead-already-decided': {
    title: 'Lead already decided',
    description: 'Sales already accepted or rejected this lead; the decision is made once.',
    fix: 'Nothing to change: the first decision stands (see `detail`).',
  },
  'lead-already-handed-off': {
    title: 'Lead already handed off',
    description: 'Marketing handed this lead off before.',
    fix: `Check the \`leadId\`. ${SAME_ANSWER}`,
  },
  'lead-not-handed-off': {
    title: 'Lead not handed off',
    description:
      'Sales follows up, accepts or rejects a lead once marketing has handed it off, and this one was not.',
    fix: 'Hand the lead off first (`POST /v1/leads/{leadId}/hand-off`), or check the id.',
  },
  'objection-already-logged': {
    title: 'Objection already logged',
    description: 'An objection with this id was logged before.',
    fix: `Log another objection under a new \`objectionId\`. ${SAME_ANSWER}`,
  },
  'person-already-registered': {
    title: 'Person already registered',
    description: 'The person is on the roster already (`detail` names the team).',
    fix: 'To change their team, remove them (`…/remove`) and register them again with a new `Idempotency-Key`.',
  },
  'person-forgotten': {
    title: 'Person forgotten',
    description: 'The person was forgotten (their personal data erased); their id is never used again.',
    fix: 'Register the person under a new id, and name that id in new facts.',
  },
  'person-not-registered': {
    title: 'Person not registered',
    description: 'The person is not on the roster, or never was.',
    fix: 'Check the `personId`; register the person first (`POST /v1/team-members/{personId}/register`).',
  },
  'retro-already-opened': {
    title: 'Retro already opened',
    description: 'A retro with this id was opened before.',
    fix: `Open another retro under a new \`retroId\`. ${SAME_ANSWER}`,
  },
  'retro-closed': {
    title: 'Retro closed',
    description: 'The retro is closed: it takes no more notes.',
    fix: 'Add the note to a retro that is open, or open a new one.',
  },
  'retro-not-open': {
    title: 'Retro not open',
    description: 'The retro was never opened.',
    fix: 'Open it first (`POST /v1/retros/{retroId}/open`), or check the id.',
  },
  'retro-note-exists': {
    title: 'Retro note already added',
    description: 'The retro already holds a note with this id.',
    fix: `Give a new note a new \`noteId\`. ${SAME_ANSWER}`,
  },
};
