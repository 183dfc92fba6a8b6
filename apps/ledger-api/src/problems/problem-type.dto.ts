import { ApiProperty } from '@nestjs/swagger';

/** A problem type as JSON: what GET /problems/{type} answers to Accept: application/json. */
export class ProblemTypeDto {
  @ApiProperty({ example: '/problems/precondition-failed', description: 'The type URI, as in the problem' })
  type!: string;
  @ApiProperty({ example: 'The stream is not at the revision If-Match names' })
  title!: string;
  @ApiProperty({ example: 412, description: 'The status the problem is answered with' })
  status!: number;
  @ApiProperty({ description: 'What the problem means' })
  description!: string;
  @ApiProperty({ description: 'How to fix the request' })
  fix!: string;
}
