import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, ValidateNested } from 'class-validator';
import { EntityId } from './dto-rules.js';

/** Someone who was there, and the team they were there for. */
export class AttendeeDto {
  @EntityId('person-sam', 'Person id')
  personId!: string;

  @ApiProperty({ enum: ['sales', 'marketing'], example: 'sales' })
  @IsIn(['sales', 'marketing'])
  team!: 'sales' | 'marketing';
}

/** Who was there, each with their team (checked against the roster by the decider). */
export const Attendees = () =>
  applyDecorators(
    ApiProperty({
      type: [AttendeeDto],
      minItems: 1,
      maxItems: 200,
      description: 'At least one, each person once, on the roster in the team given (else a 422)',
    }),
    IsArray(),
    ArrayMaxSize(200),
    IsObject({ each: true, message: 'each attendee must be an object' }),
    ValidateNested({ each: true }),
    Type(() => AttendeeDto),
  );

export const plainAttendees = (attendees: AttendeeDto[]) =>
  attendees.map(({ personId, team }) => ({ personId, team }));
