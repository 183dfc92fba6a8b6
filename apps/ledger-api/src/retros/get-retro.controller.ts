import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SqlDatabase } from '#event-store';
import { type RetroBoardView, readRetroBoard, retroBoardProjection } from '#projections';
import { EntityIdPipe } from '../commands/entity-id.pipe.js';
import { DATABASE } from '../event-store/event-store.module.js';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { ProjectionRunners } from '../projections/projection-runners.js';

@ApiTags('retros')
@Controller('v1/retros/:retroId')
export class GetRetroController {
  constructor(
    @Inject(DATABASE) private readonly db: SqlDatabase,
    private readonly runners: ProjectionRunners,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'GetRetro',
    summary:
      'The retro board (now, or as of asOf): notes by column (anonymous notes carry no author), action items, status',
  })
  @ApiOkResponse({ description: 'The board' })
  @ApiNotFoundResponse({ description: 'problem+json: no such retro (yet)' })
  async get(
    @Param('retroId', EntityIdPipe) retroId: string,
    @Query() query: AsOfQuery,
  ): Promise<RetroBoardView> {
    const when = await this.runners.readAt([retroBoardProjection], query);
    const board = await readRetroBoard(this.db, retroId, when);
    if (!board) throw new NotFoundException(`retro ${retroId} is not on the board`);
    return board;
  }
}
