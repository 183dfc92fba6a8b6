import { ApiProperty } from '@nestjs/swagger';
import type { OpenActionItem } from '#projections';
import { sameShape } from '../contract/same-shape.js';
import { QueryInteger } from '../http/field-rules.js';
import { AsOfQuery } from '../projections/as-of.dto.js';

class OpenActionItemDto {
  @ApiProperty({ example: 'huddle/h-2026-w49/ai-1', description: '<source>/<sourceId>/<actionItemId>' })
  subject!: string;
  @ApiProperty({ enum: ['huddle', 'retro'] }) source!: 'huddle' | 'retro';
  @ApiProperty({ example: 'h-2026-w49', description: 'The huddle or retro id' }) sourceId!: string;
  @ApiProperty({ example: 'ai-1' }) actionItemId!: string;
  @ApiProperty({ example: 'Publish the pricing FAQ' }) description!: string;
  @ApiProperty({ example: 'p-03', description: 'A person id (names are personal data: ListTeamMembers)' })
  owner!: string;
  @ApiProperty({ format: 'date-time', description: 'When it was agreed (huddle held, retro closed)' })
  openedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The end of its due date (UTC)' }) dueAt!: string;
  @ApiProperty({ description: 'Due before T and not completed' }) overdue!: boolean;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The event that opened it' }) position!: number;
}

sameShape<OpenActionItem, OpenActionItemDto>(true);

export class OpenActionItemsQuery extends AsOfQuery {
  @QueryInteger({ minimum: 1, maximum: 1000, example: 50, default: 200, description: 'Items at most' })
  limit: number = 200;
}

export class OpenActionItemsDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many items are open at T (all of them)' })
  total!: number;

  @ApiProperty({ type: [OpenActionItemDto], description: 'The earliest due first, at most limit' })
  items!: OpenActionItemDto[];
}
