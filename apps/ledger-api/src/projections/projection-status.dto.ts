import { ApiProperty } from '@nestjs/swagger';

/** A read model's place in the log, as ListProjections answers it. */
export class ProjectionStatusDto {
  @ApiProperty({ example: 'retro-board' }) name!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: 1042, description: 'Global position folded so far' }) checkpoint!: number;
  @ApiProperty({ example: 0, description: 'Events recorded but not yet folded' }) lag!: number;
  @ApiProperty({ enum: ['starting', 'running', 'standby', 'stopped', 'failed'] }) state!: string;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}
