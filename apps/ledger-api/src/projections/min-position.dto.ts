import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Read-your-writes: the globalPosition a command answered with. */
export class MinPositionQuery {
  @ApiPropertyOptional({
    description:
      'Wait (up to 5 s, then 503 with Retry-After) until the read model includes this global position',
    example: 42,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minPosition?: number;
}
