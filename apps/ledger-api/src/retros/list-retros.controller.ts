import { Controller, Get, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Period } from '#domain';
import { MAX_RETROS_OF_PERIOD, retrosOfPeriodQuery } from '#projections';
import { PeriodAsOfQuery } from '../projections/period-as-of.dto.js';
import { ReadModels } from '../projections/read-models.js';
import { ReadEndpoint } from '../projections/read-endpoint.decorator.js';
import { PeriodPipe } from '../scorecards/period.pipe.js';
import { RetroBoardDto } from './retro-board.response.js';

class RetrosOfPeriodDto {
  @ApiProperty({ example: '2026-W49' }) period!: string;
  @ApiProperty({
    type: [RetroBoardDto],
    maxItems: MAX_RETROS_OF_PERIOD,
    description: 'Latest activity first',
  })
  retros!: RetroBoardDto[];
}

@ApiTags('retros')
@Controller('v1/retros')
export class ListRetrosController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ReadEndpoint({
    operationId: 'ListRetros',
    summary: `The retro boards opened, written in or closed in a period (anonymous notes carry no author); at most ${MAX_RETROS_OF_PERIOD}`,
    type: RetrosOfPeriodDto,
  })
  async list(
    @Query('period', PeriodPipe) period: Period,
    @Query() query: PeriodAsOfQuery,
  ): Promise<RetrosOfPeriodDto> {
    const retros = await this.readModels.read(retrosOfPeriodQuery, { period }, query);
    return { period: period.text, retros };
  }
}
