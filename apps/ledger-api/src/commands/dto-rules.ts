import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { parsePeriod } from '#domain';
import { PERIOD_PATTERN, PERIOD_RULE, instantProperty, instantRules, property } from '../http/field-rules.js';
import { ENTITY_ID } from './entity-id.pipe.js';

/** Reusable field rules, so every DTO says the same thing the same way, in the document too. */

export { CalendarDate as DueDate, CalendarDate, Integer } from '../http/field-rules.js';

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });

export const Text = (max: number, example: string) =>
  applyDecorators(ApiProperty({ example, minLength: 1, maxLength: max }), IsString(), Length(1, max));

export const TextList = (maxItems: number, maxLength: number, example: string[]) =>
  applyDecorators(
    ApiProperty({ example, type: 'array', items: text(maxLength), minItems: 1, maxItems, uniqueItems: true }),
    ArrayNotEmpty(),
    ArrayMaxSize(maxItems),
    ArrayUnique(),
    IsString({ each: true }),
    Length(1, maxLength, { each: true }),
  );

/** A list of short texts that may be empty; `items` may narrow them further (an enum, say). */
export const TextItems = (
  maxItems: number,
  maxLength: number,
  example: string[],
  description: string,
  { optional = false, items = {} }: { optional?: boolean; items?: object } = {},
) =>
  applyDecorators(
    property(
      { example, description, type: 'array', items: { ...text(maxLength), ...items }, maxItems },
      {},
      optional,
    ),
    ...(optional ? [IsOptional()] : []),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    Length(1, maxLength, { each: true }),
  );

const ID_MESSAGE = '$property must be 1–64 characters of A-Za-z0-9._:-';

export const EntityId = (example: string, description: string) =>
  applyDecorators(
    ApiProperty({ example, description, pattern: ENTITY_ID.source }),
    IsString(),
    Matches(ENTITY_ID, { message: ID_MESSAGE }),
  );

export const OptionalEntityId = (example: string, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ example, description, pattern: ENTITY_ID.source }),
    IsOptional(),
    IsString(),
    Matches(ENTITY_ID, { message: ID_MESSAGE }),
  );

interface IdListDoc {
  maxItems: number;
  example: string[];
  description: string;
  /** What the decider also requires (at least one, each once), refused there with its own code. */
  minItems?: number;
  uniqueItems?: boolean;
  optional?: boolean;
  default?: string[];
}

/** A list of entity ids. */
export const EntityIdList = ({ optional = false, ...doc }: IdListDoc) =>
  applyDecorators(
    property({ ...doc, type: 'array', items: { type: 'string', pattern: ENTITY_ID.source } }, {}, optional),
    ...(optional ? [IsOptional()] : []),
    IsArray(),
    ArrayMaxSize(doc.maxItems),
    Matches(ENTITY_ID, { each: true, message: 'each of $property must be 1–64 characters of A-Za-z0-9._:-' }),
  );

/** An http(s) URL. */
export const Url = (example: string, maxLength: number) =>
  applyDecorators(
    ApiProperty({ example, format: 'uri', pattern: '^https?://', minLength: 1, maxLength }),
    IsUrl({ require_protocol: true, protocols: ['http', 'https'] }),
    Length(1, maxLength),
  );

/** A required instant: ISO-8601 date-time with a time zone, within the ledger's span. */
export const Instant = (example: string, description: string) =>
  applyDecorators(instantProperty({ example, description }), instantRules());

export const OccurredAt = () =>
  applyDecorators(
    instantProperty(
      {
        example: '2026-11-20T14:30:00Z',
        description:
          'Business time (ISO-8601 with offset). Default: when the ledger received the command. At most 5 minutes in the future',
      },
      true,
    ),
    // Absent means "now"; null is not a time, so it is validated (and refused), not skipped.
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    instantRules(),
  );

/** A reporting period in a body: as the domain parses it, within the ledger's years (rule period). */
export const Period = (example: string, description: string) =>
  applyDecorators(
    ApiProperty({ example, description: `${description}: ${PERIOD_RULE}`, pattern: PERIOD_PATTERN }),
    ValidateBy({
      name: 'period',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parsePeriod(value) !== null,
        defaultMessage: () => `$property must be ${PERIOD_RULE}`,
      },
    }),
  );
