import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, Length, Matches } from 'class-validator';
import { SCOPES, type Scope } from '#access';
import { OptionalInstant } from '../http/field-rules.js';

export class CreateApiKeyDto {
  @ApiProperty({
    example: 'hubspot-sync',
    description: 'What the key is for: 1–100 of A-Za-z0-9 . _ - and spaces',
    pattern: '^[A-Za-z0-9._ -]{1,100}$',
    minLength: 1,
    maxLength: 100,
  })
  @Length(1, 100)
  @Matches(/^[A-Za-z0-9._ -]+$/, { message: 'name must be 1–100 of A-Za-z0-9 . _ - and spaces' })
  name!: string;

  @ApiProperty({
    enum: SCOPES,
    isArray: true,
    example: ['commands:write', 'read'],
    minItems: 1,
    uniqueItems: true,
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(SCOPES, { each: true })
  scopes!: Scope[];

  @OptionalInstant({
    example: '2027-06-30T00:00:00Z',
    description: 'The key is refused from then on (default: never); in the future',
  })
  expiresAt?: string;
}

export class ApiKeyDto {
  @ApiProperty({
    example: '3f9c2a1b7d4e6f80',
    description: 'Public: names the key in lists, logs and events',
  })
  id!: string;
  @ApiProperty({ example: 'hubspot-sync' }) name!: string;
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes!: Scope[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The key id of the admin who created it' })
  createdBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expiresAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: string | null;
}

export class CreatedApiKeyDto {
  @ApiProperty({ type: ApiKeyDto }) key!: ApiKeyDto;
  @ApiProperty({
    example: 'lk_3f9c2a1b7d4e6f80_…',
    description: 'The key to send as a bearer token: shown only now',
  })
  secret!: string;
}
