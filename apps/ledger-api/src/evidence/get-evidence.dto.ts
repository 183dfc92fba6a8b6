import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, Max, Min } from 'class-validator';
import { EventSummaryDto } from './event-summary.dto.js';

/** At most this many positions in one GetEvidence: an alignment sign's evidence fits. */
export const MAX_EVIDENCE_POSITIONS = 200;

export class GetEvidenceQuery {
  @ApiProperty({
    description: `Global positions, comma-separated (1–${MAX_EVIDENCE_POSITIONS}), e.g. a sign's evidence from GetAlignmentHealth`,
    example: '3,17,40',
    type: String,
    pattern: '^[1-9][0-9]{0,15}(,[1-9][0-9]{0,15})*$',
  })
  // "3,17" and ?positions=3&positions=17 alike; anything but digits stays text and fails IsInt.
  @Transform(({ value }: { value: unknown }) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((entry) => String(entry).split(','))
      .map((entry) => (/^\d{1,16}$/.test(entry) ? Number(entry) : entry)),
  )
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVIDENCE_POSITIONS)
  @IsInt({ each: true, message: 'positions must be global positions (integers) separated by commas' })
  @Min(1, { each: true })
  @Max(Number.MAX_SAFE_INTEGER, { each: true })
  positions!: number[];
}

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
