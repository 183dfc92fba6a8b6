import { ApiProperty } from '@nestjs/swagger';
import type { RebuildProgress } from '#projections';
import { sameShape } from '../contract/same-shape.js';
import { ProjectionStatusDto } from './projection-status.dto.js';

const nullable = (type: typeof String | typeof Number | typeof Boolean, description: string) => ({
  type,
  nullable: true,
  description,
});

/** How a blue/green rebuild is going (RebuildProjection, GetProjection). */
export class RebuildProgressDto {
  @ApiProperty({ enum: ['building', 'swapped', 'failed'] }) state!: 'building' | 'swapped' | 'failed';
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Global positions covered so far' })
  processed!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The head position it is chasing' })
  total!: number;
  @ApiProperty({ minimum: 0, example: 12000 }) eventsPerSecond!: number;
  @ApiProperty(nullable(Number, 'Seconds to go at the current rate')) etaSeconds!: number | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ ...nullable(String, 'When it swapped or failed'), format: 'date-time' }) finishedAt!:
    string | null;
  @ApiProperty(nullable(String, 'Checksum of the rebuilt model at the swap')) checksum!: string | null;
  @ApiProperty(nullable(String, 'Checksum of the live model at the same position')) liveChecksum!:
    string | null;
  @ApiProperty(nullable(Boolean, 'Whether the two agreed')) matchesLive!: boolean | null;
  @ApiProperty(nullable(String, 'Why it failed')) error!: string | null;
}

sameShape<RebuildProgress, RebuildProgressDto>(true);

/** GetProjection's answer: the status, and the last rebuild's progress (null if none). */
export class ProjectionDetailDto extends ProjectionStatusDto {
  @ApiProperty({ type: RebuildProgressDto, nullable: true }) rebuild!: RebuildProgressDto | null;
}
