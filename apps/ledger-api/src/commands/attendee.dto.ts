import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EntityId } from './dto-rules.js';

/** Someone who was there, and the team they were there for. */
export class AttendeeDto {
  @EntityId('person-sam', 'Person id')
  personId!: string;

  @ApiProperty({ enum: ['sales', 'marketing'], example: 'sales' })
  @IsIn(['sales', 'marketing'])
  team!: 'sales' | 'marketing';
}

export const plainAttendees = (attendees: AttendeeDto[]) =>
  attendees.map(({ personId, team }) => ({ personId, team }));
