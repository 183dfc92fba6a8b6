import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';
import { badRequest } from '../http/problem.js';
import { EventSummaryDto } from './event-summary.dto.js';

/** At most this many positions in one GetEvidence: an alignment sign's evidence fits. */
export const MAX_EVIDENCE_POSITIONS = 200;

const POSITION_LIST = /^[1-9]\d{0,15}(,[1-9]\d{0,15})*$/;

export class GetEvidenceQuery {
  @ApiProperty({
    description: `Global positions, comma-separated (1–${MAX_EVIDENCE_POSITIONS}), e.g. a sign's evidence from GetAlignmentHealth`,
    example: '3,17,40',
    type: String,
    pattern: POSITION_LIST.source,
  })
  // "3,17" and ?positions=3&positions=17 alike.
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.join(',') : value))
  @IsString()
  @Matches(POSITION_LIST, { message: 'positions must be global positions (1, 2, 3…) separated by commas' })
  positions!: string;
}

/** The positions of a valid list, or why not: too many, or past the largest position there can be. */
export const readPositions = (list: string): number[] => {
  const positions = list.split(',').map(Number);
  if (positions.length > MAX_EVIDENCE_POSITIONS)
    throw badRequest(
      'positions',
      'arrayMaxSize',
      `positions may name at most ${MAX_EVIDENCE_POSITIONS} events`,
    );
  if (!positions.every(Number.isSafeInteger))
    throw badRequest('positions', 'max', `positions must be at most ${Number.MAX_SAFE_INTEGER}`);
  return positions;
};

export class EvidenceDto {
  @ApiProperty({ type: [EventSummaryDto], description: 'In position order' })
  events!: EventSummaryDto[];

  @ApiProperty({
    type: 'integer',
    isArray: true,
    example: [],
    description: 'Positions asked for with no event there',
  })
  missing!: number[];
}
