import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type RetroBoardView, retroBoardQuery } from '#projections';
import { EntityIdPipe } from '../commands/entity-id.pipe.js';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { ReadModels } from '../projections/read-models.js';
import { Access } from '../access/access.decorator.js';

@ApiTags('retros')
@Controller('v1/retros/:retroId')
export class GetRetroController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @Access({ scope: 'read' })
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
    const board = await this.readModels.read(retroBoardQuery, { retroId }, query);
    if (!board) throw new NotFoundException(`retro ${retroId} is not on the board`);
    return board;
  }
}
