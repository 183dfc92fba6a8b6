import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OccurredAt, Text } from '../commands/dto-rules.js';

export class RegisterTeamMemberDto {
  @Text(200, 'Sam Okafor')
  displayName!: string;

  @ApiProperty({ enum: ['sales', 'marketing'], example: 'sales' })
  @IsIn(['sales', 'marketing'])
  team!: 'sales' | 'marketing';

  @OccurredAt()
  occurredAt?: string;
}

export class RemoveTeamMemberDto {
  @OccurredAt()
  occurredAt?: string;
}
