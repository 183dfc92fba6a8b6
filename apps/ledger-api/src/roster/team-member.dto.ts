import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

export class ForgetTeamMemberDto extends RemoveTeamMemberDto {}

export class TeamMemberDto {
  @ApiProperty({ example: 'sam' })
  personId!: string;

  @ApiProperty({ enum: ['sales', 'marketing'] })
  team!: 'sales' | 'marketing';

  @ApiProperty({ format: 'date-time', description: 'Business time of the latest registration' })
  onRosterSince!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  removedAt!: string | null;

  @ApiProperty({ description: 'The person’s personal data was erased (ForgetTeamMember)' })
  forgotten!: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Only for callers with personal-data; null once forgotten',
  })
  displayName?: string | null;
}

export class TeamMembersDto {
  @ApiProperty({ type: [TeamMemberDto] })
  members!: TeamMemberDto[];
}
