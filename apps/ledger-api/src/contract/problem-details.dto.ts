import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorDto {
  @ApiProperty({
    example: 'amount',
    description: 'The field, header or parameter (nested: actionItems[0].dueDate)',
  })
  field!: string;

  @ApiProperty({ example: 'isInt', description: 'The rule it broke' })
  rule!: string;

  @ApiProperty({ example: 'amount must be an integer number' })
  message!: string;
}

/**
 * RFC 9457 problem details, as every error is answered (application/problem+json).
 * Problems may carry more members (streamId, actualRevision, phrases, …): they are
 * named in the problem's page at its type.
 */
export class ProblemDetailsDto {
  @ApiProperty({
    format: 'uri-reference',
    example: '/problems/validation-failed',
    description: 'Names the problem; GET it for what it means and how to fix the request',
  })
  type!: string;

  @ApiProperty({ example: 'The request is not valid' })
  title!: string;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 })
  status!: number;

  @ApiPropertyOptional({ example: 'amount must be an integer number' })
  detail?: string;

  @ApiPropertyOptional({ format: 'uri-reference', example: '/v1/deals/deal-acme/record' })
  instance?: string;

  @ApiPropertyOptional({
    type: [FieldErrorDto],
    description: 'For a bad request: each offending field and its rule',
  })
  errors?: FieldErrorDto[];
}
