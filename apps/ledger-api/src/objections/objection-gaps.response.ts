import { ApiProperty } from '@nestjs/swagger';
import type { ObjectionGap } from '#projections';
import { sameShape } from '../contract/same-shape.js';

class LiveContentDto {
  @ApiProperty({ example: 'roi-calculator' }) contentId!: string;
  @ApiProperty({ example: 'ROI calculator: annual vs monthly' }) title!: string;
}

/** One objection category in GetObjectionGaps. */
export class ObjectionGapDto {
  @ApiProperty({
    example: 'price',
    description: 'From the taxonomy, or another category heard in the 56 days',
  })
  category!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Objections with business time in (T − 28 days, T]',
  })
  last28Days!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Objections in (T − 56 days, T − 28 days]' })
  previous28Days!: number;

  @ApiProperty({ type: [LiveContentDto], description: 'Published at or before T and not withdrawn by T' })
  liveContent!: LiveContentDto[];

  @ApiProperty({ description: 'No live content answers the category' })
  gap!: boolean;
}

sameShape<ObjectionGap, ObjectionGapDto>(true);
