import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ProjectionRunners } from './projection-runners.js';

class ProjectionStatusDto {
  @ApiProperty({ example: 'retro-board' }) name!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: 1042, description: 'Global position folded so far' }) checkpoint!: number;
  @ApiProperty({ example: 0, description: 'Events recorded but not yet folded' }) lag!: number;
  @ApiProperty({ enum: ['starting', 'running', 'standby', 'stopped', 'failed'] }) state!: string;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}

@ApiTags('projections')
@Controller('v1/projections')
export class ProjectionsController {
  constructor(private readonly runners: ProjectionRunners) {}

  @Get()
  @ApiOperation({
    operationId: 'ListProjections',
    summary: 'Every read model: version, checkpoint, lag and state',
  })
  @ApiOkResponse({ type: [ProjectionStatusDto] })
  list(): Promise<ProjectionStatusDto[]> {
    return this.runners.statuses();
  }
}
