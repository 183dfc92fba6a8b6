import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../contract/api-problems.decorator.js';
import { problemTypeOf } from '../http/problem-catalogue.js';
import { ProblemException, problem } from '../http/problem.js';
import { problemPage } from './problem-page.js';
import { ProblemTypeDto } from './problem-type.dto.js';

/**
 * Every problem's `type` (`/problems/<slug>`) resolves: to a page saying what
 * it means and how to fix the request (HTML), or the same as JSON.
 */
@ApiTags('problems')
@Controller('problems')
export class ProblemTypesController {
  @Get(':type')
  @Access({ public: true })
  @ApiOperation({
    operationId: 'GetProblemType',
    summary:
      'What a problem type means and how to fix the request: HTML, or JSON for Accept: application/json',
  })
  @ApiParam({ name: 'type', example: 'precondition-failed', description: 'The slug of a problem’s type URI' })
  @ApiProduces('text/html', 'application/json')
  @ApiExtraModels(ProblemTypeDto)
  @ApiOkResponse({
    description: 'The problem type',
    content: {
      'text/html': { schema: { type: 'string' } },
      'application/json': { schema: { $ref: getSchemaPath(ProblemTypeDto) } },
    },
  })
  @ApiProblems({ 404: 'The service answers with no problem of this type' })
  get(@Param('type') slug: string, @Req() request: Request, @Res() response: Response): void {
    const type = problemTypeOf(slug);
    if (!type) {
      throw new ProblemException(
        problem(404, 'not-found', 'Not Found', {
          detail: 'the service answers with no problem of this type',
        }),
      );
    }
    // One URL, two representations: caches must keep them apart.
    response.vary('Accept').setHeader('Cache-Control', 'public, max-age=3600');
    if (request.accepts(['text/html', 'application/json']) === 'application/json') {
      response.json(type);
    } else {
      response.type('html').send(problemPage(type));
    }
  }
}
