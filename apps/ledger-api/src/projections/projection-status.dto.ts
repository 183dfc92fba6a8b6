import { ApiProperty } from '@nestjs/swagger';
import type { ProjectionStatus, RunnerState } from '#projections';
import { sameShape } from '../contract/same-shape.js';
import { SkippedEventDto } from './skip-event.dto.js';

/** The event a projection is stuck on. */
class ProjectionFailureDto {
  @ApiProperty({
    example: 1042,
    description: 'Global position of the failing event; checkpoint is before it',
  })
  position!: number;
  @ApiProperty({ example: '0b6c1f58-5d7e-5c43-9a0e-3f1d2a4b5c6d' }) eventId!: string;
  @ApiProperty({ example: 'HuddleHeld' }) eventType!: string;
  @ApiProperty({ example: 'time zone displacement out of range' }) error!: string;
  @ApiProperty({ format: 'date-time', description: 'First failure at this position' }) since!: string;
  @ApiProperty({ example: 3, description: 'Attempts so far (retried with a backoff up to 30 s)' })
  attempts!: number;
  @ApiProperty({ format: 'date-time' }) lastAttemptAt!: string;
}

/** A read model's place in the log, as ListProjections answers it. */
export class ProjectionStatusDto {
  @ApiProperty({ example: 'retro-board' }) name!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: 1042, description: 'Global position folded so far' }) checkpoint!: number;
  @ApiProperty({ example: 0, description: 'Events recorded but not yet folded' }) lag!: number;
  @ApiProperty({ enum: ['starting', 'running', 'standby', 'stopped', 'failed'] }) state!: RunnerState;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({
    type: ProjectionFailureDto,
    nullable: true,
    description: 'The event it is stuck on: fix and redeploy (it retries by itself), or skip it',
  })
  failedAt!: ProjectionFailureDto | null;
  @ApiProperty({ type: [SkippedEventDto], description: 'Events this version leaves out, by an admin’s skip' })
  skipped!: SkippedEventDto[];
  @ApiProperty({ description: 'false when any event is skipped: the model is not an exact fold of the log' })
  exact!: boolean;
}

sameShape<ProjectionStatus, ProjectionStatusDto>(true);
