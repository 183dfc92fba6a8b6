import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import { ENTITY_ID } from './entity-id.pipe.js';

/** Reusable field rules, so every DTO says the same thing the same way. */

export const Text = (max: number, example: string) =>
  applyDecorators(ApiProperty({ example, minLength: 1, maxLength: max }), IsString(), Length(1, max));

export const TextList = (maxItems: number, maxLength: number, example: string[]) =>
  applyDecorators(
    ApiProperty({ example, type: [String], minItems: 1, maxItems: maxItems }),
    ArrayNotEmpty(),
    ArrayMaxSize(maxItems),
    ArrayUnique(),
    IsString({ each: true }),
    Length(1, maxLength, { each: true }),
  );

/** A list of short texts that may be empty. */
export const TextItems = (
  maxItems: number,
  maxLength: number,
  example: string[],
  description: string,
  { optional = false } = {},
) =>
  applyDecorators(
    optional
      ? applyDecorators(ApiPropertyOptional({ example, description, type: [String], maxItems }), IsOptional())
      : ApiProperty({ example, description, type: [String], maxItems }),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    Length(1, maxLength, { each: true }),
  );

export const EntityId = (example: string, description: string) =>
  applyDecorators(
    ApiProperty({ example, description, pattern: ENTITY_ID.source }),
    IsString(),
    Matches(ENTITY_ID, { message: '$property must be 1–64 characters of A-Za-z0-9._:-' }),
  );

export const OptionalEntityId = (example: string, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ example, description, pattern: ENTITY_ID.source }),
    IsOptional(),
    IsString(),
    Matches(ENTITY_ID, { message: '$property must be 1–64 characters of A-Za-z0-9._:-' }),
  );

const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

const instantRules = () =>
  applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(WITH_OFFSET, { message: '$property must be a date-time with a time zone (Z or ±hh:mm)' }),
  );

/** A required instant: ISO-8601 date-time with a time zone. */
export const Instant = (example: string, description: string) =>
  applyDecorators(ApiProperty({ example, description, format: 'date-time' }), instantRules());

/** A calendar date YYYY-MM-DD. */
export const CalendarDate = (example: string, description: string) =>
  applyDecorators(
    ApiProperty({ example, description, format: 'date' }),
    Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
      message: '$property must be a date YYYY-MM-DD',
    }),
  );

export const OccurredAt = () =>
  applyDecorators(
    ApiPropertyOptional({
      example: '2026-11-20T14:30:00Z',
      description:
        'Business time (ISO-8601 with offset). Default: when the ledger received the command. At most 5 minutes in the future.',
      format: 'date-time',
    }),
    IsOptional(),
    instantRules(),
  );
