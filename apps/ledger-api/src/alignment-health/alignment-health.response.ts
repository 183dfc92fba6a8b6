import { ApiProperty } from '@nestjs/swagger';
import type { AlignmentHealth } from '#projections';
import { sameShape } from '../contract/same-shape.js';

class SignDto {
  @ApiProperty({ enum: ['ok', 'warning'], example: 'warning' })
  status!: 'ok' | 'warning';

  @ApiProperty({
    type: 'integer',
    isArray: true,
    minimum: 1,
    example: [3, 17],
    description: 'Global positions of the events behind the sign',
  })
  evidence!: number[];
}

class HealthWindowDto {
  @ApiProperty({ format: 'date-time', description: 'Exclusive: T − 28 days' }) after!: string;
  @ApiProperty({ format: 'date-time', description: 'Inclusive: T' }) upTo!: string;
}

const sign = (description: string) => ApiProperty({ type: SignDto, description });

/** GetAlignmentHealth's answer: the six warning signs over the 28 days ending at T. */
export class AlignmentHealthDto {
  @ApiProperty({ format: 'date-time', description: 'T: the instant evaluated (asOf, or now)' }) at!: string;
  @ApiProperty({ type: HealthWindowDto }) window!: HealthWindowDto;
  @sign(
    'Blindsides reported, and launches (two days before T or more) that fewer than half the sales roster acknowledged within two days',
  )
  salesBlindsided!: SignDto;
  @sign('Launches that sales did not review first') strategyNotShared!: SignDto;
  @sign('Objections in the top three categories of the window that have no live content')
  objectionsUnheard!: SignDto;
  @sign('Deals won in the window and nobody celebrated together') noSharedCelebration!: SignDto;
  @sign('Any blame-flagged text in the window') blameGame!: SignDto;
  @sign('No joint huddle in the seven days up to T (evidence: the last one)') huddleCadence!: SignDto;
}

sameShape<AlignmentHealth, AlignmentHealthDto>(true);
