import { merkleTreeProjection } from './audit-tree/merkle-tree.projection.js';
import { streamIndexProjection } from './streams/stream-index.projection.js';
import { alignmentFactsProjection } from './alignment-health/alignment-facts.projection.js';
import { campaignViewProjection } from './campaign-view/campaign-view.projection.js';
import { contentProjection } from './content/content.projection.js';
import { objectionGapsProjection } from './objection-gaps/objection-gaps.projection.js';
import { retroBoardProjection } from './retro-board/retro-board.projection.js';
import type { Projection } from './runner/projection.js';
import { scorecardFactsProjection } from './scorecard/scorecard-facts.projection.js';
import { teamMembersProjection } from './team-members/team-members.projection.js';

/** Every read model the service keeps, each run by its own runner. */
export const allProjections: readonly Projection[] = [
  retroBoardProjection,
  objectionGapsProjection,
  contentProjection,
  campaignViewProjection,
  alignmentFactsProjection,
  scorecardFactsProjection,
  teamMembersProjection,
  merkleTreeProjection,
  streamIndexProjection,
];
