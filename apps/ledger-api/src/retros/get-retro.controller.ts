import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type RetroBoardView, retroBoardQuery } from '#projections';
import { EntityIdParams, EntityIdPipe } from '../commands/entity-id.pipe.js';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { ReadModels } from '../projections/read-models.js';
import { ReadEndpoint } from '../projections/read-endpoint.decorator.js';
import { RetroBoardDto } from './retro-board.response.js';

@EntityIdParams('retroId')
@ApiTags('retros')
@Controller('v1/retros/:retroId')
export class GetRetroController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ReadEndpoint({
    operationId: 'GetRetro',
    summary:
      'The retro board (now, or as of asOf): notes by column (anonymous notes carry no author), action items, status',
    type: RetroBoardDto,
    description: 'The board',
    notFound: 'No such retro (opened by asOf)',
  })
  async get(
    @Param('retroId', EntityIdPipe) retroId: string,
    @Query() query: AsOfQuery,
  ): Promise<RetroBoardView> {
    const board = await this.readModels.read(retroBoardQuery, { retroId }, query);
    if (!board) throw new NotFoundException(`retro ${retroId} is not on the board`);
    return board;
  }
}
