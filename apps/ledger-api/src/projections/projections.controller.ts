import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { OPERATIONS_STREAM, allProjections } from '#projections';
import { ProjectionStatusDto } from './projection-status.dto.js';
import { ProjectionDetailDto, RebuildProgressDto } from './rebuild-progress.dto.js';
import { ReadModels } from './read-models.js';
import { SkipEventBody, SkipEventQuery, SkippedEventDto } from './skip-event.dto.js';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../contract/api-problems.decorator.js';
import { principalOf } from '../access/request-principal.js';

/** The path's projection: one of the read models the service keeps. */
const ProjectionName = () =>
  ApiParam({ name: 'name', enum: allProjections.map((projection) => projection.name) });

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
  @ProjectionName()
  @Access({ scope: 'read' })
  @ApiOperation({
    operationId: 'GetProjection',
    summary:
      'One read model, with the progress of its last rebuild (processed, total, events/s, ETA, checksums)',
  })
  @ApiOkResponse({ type: ProjectionDetailDto })
  @ApiProblems({ 404: 'No such projection' })
  get(@Param('name') name: string): Promise<ProjectionDetailDto> {
    return this.readModels.status(name);
  }

  @Post(':name/rebuild')
  @ProjectionName()
  @Access({ scope: 'admin' })
  @HttpCode(202)
  @ApiOperation({
    operationId: 'RebuildProjection',
    summary:
      'Blue/green rebuild from position 0 while the live model keeps serving; swapped in atomically at the end',
  })
  @ApiAcceptedResponse({
    type: RebuildProgressDto,
    description: 'Started; follow it on GET /v1/projections/{name}',
  })
  @ApiProblems({
    404: 'No such projection',
    409: 'A rebuild of this projection is already running (here or on another replica)',
    503: 'The service is shutting down: start it on another replica',
  })
  rebuild(@Param('name') name: string): Promise<RebuildProgressDto> {
    return this.readModels.startRebuild(name);
  }

  @Post(':name/skip')
  @ProjectionName()
  @Access({ scope: 'admin' })
  @HttpCode(201)
  @ApiOperation({
    operationId: 'SkipProjectionEvent',
    summary:
      'Records in the ledger (ProjectionEventSkipped, with the caller) that the projection skips the event it is stuck on; it then runs on, its status listing the skip',
  })
  @ApiCreatedResponse({
    type: SkippedEventDto,
    description: 'Recorded; a repeat answers the same skip with Idempotent-Replayed: true',
  })
  @ApiProblems({
    400: 'position missing or not a positive integer',
    404: 'No such projection',
    409: 'The projection is not stuck at that position (only that event may be skipped), or it folds every event and skips none (merkle-tree)',
  })
  async skip(
    @Param('name') name: string,
    @Query() { position }: SkipEventQuery,
    @Body() { reason }: SkipEventBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SkippedEventDto> {
    const by = principalOf(request);
    const { skip, replayed } = await this.readModels.skip(name, { position, reason: reason ?? null, by });
    response.setHeader('Location', `/v1/streams/${OPERATIONS_STREAM}/events`);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return skip;
  }
}
