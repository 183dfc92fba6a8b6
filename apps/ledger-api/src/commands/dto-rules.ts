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
  IsDefined,
  IsObject,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { isCalendarDate } from '#domain';
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

/** A category of the ledger's objection taxonomy; the controller checks it against the configuration. */
export const ObjectionCategory = () =>
  applyDecorators(
    ApiProperty({
      example: 'price',
      description:
        'From the ledger’s objection taxonomy (LEDGER_OBJECTION_CATEGORIES; default price, timing, competitor, feature-gap, integration, trust, other)',
    }),
    IsString(),
    Length(1, 50),
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

/** A real calendar date YYYY-MM-DD (no 30 February). */
export const CalendarDate = (example: string, description: string) =>
  applyDecorators(
    ApiProperty({ example, description, format: 'date' }),
    ValidateBy({
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: () => '$property must be a calendar date YYYY-MM-DD',
      },
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
    // Absent means "now"; null is not a time, so it is validated (and refused), not skipped.
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    instantRules(),
  );

/** A required nested object (not null, not an array), validated by its own DTO class. */
export const NestedObject = (type: new () => object, description: string) =>
  applyDecorators(
    ApiProperty({ type, description }),
    IsDefined(),
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );
