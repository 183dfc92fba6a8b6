import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { RebuildProgress } from '#projections';
import { ProjectionStatusDto } from './projection-status.dto.js';
import { ReadModels } from './read-models.js';
import { Access } from '../access/access.decorator.js';

@ApiTags('projections')
@Controller('v1/projections')
export class ProjectionsController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @Access({ scope: 'read' })
  @ApiOperation({
    operationId: 'ListProjections',
    summary: 'Every read model: version, checkpoint, lag and state',
  })
  @ApiOkResponse({ type: [ProjectionStatusDto] })
  list(): Promise<ProjectionStatusDto[]> {
    return this.readModels.statuses();
  }

  @Get(':name')
  @Access({ scope: 'read' })
  @ApiOperation({
    operationId: 'GetProjection',
    summary:
      'One read model, with the progress of its last rebuild (processed, total, events/s, ETA, checksums)',
  })
  @ApiOkResponse({ description: 'Status and rebuild progress' })
  @ApiNotFoundResponse({ description: 'problem+json: no such projection' })
  get(@Param('name') name: string) {
    return this.readModels.status(name);
  }

  @Post(':name/rebuild')
  @Access({ scope: 'admin' })
  @HttpCode(202)
  @ApiOperation({
    operationId: 'RebuildProjection',
    summary:
      'Blue/green rebuild from position 0 while the live model keeps serving; swapped in atomically at the end',
  })
  @ApiAcceptedResponse({ description: 'Started; follow it on GET /v1/projections/{name}' })
  @ApiConflictResponse({ description: 'problem+json: a rebuild of this projection is already running' })
  @ApiNotFoundResponse({ description: 'problem+json: no such projection' })
  rebuild(@Param('name') name: string): Promise<RebuildProgress> {
    return this.readModels.startRebuild(name);
  }
}
