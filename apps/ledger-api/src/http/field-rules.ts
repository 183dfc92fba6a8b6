import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, Matches, Max, Min, ValidateBy, isISO8601 } from 'class-validator';
import {
  LEDGER_EARLIEST_INSTANT,
  LEDGER_FIRST_YEAR,
  LEDGER_LAST_YEAR,
  LEDGER_LATEST_INSTANT,
  isCalendarDate,
  toUtcInstant,
} from '#domain';

/**
 * The field rules shared by request bodies and query strings: each states in
 * the OpenAPI document exactly what it enforces, so the two cannot drift.
 */

/** OpenAPI extensions on a schema (@nestjs/swagger passes them through untyped). */
type Extensions = Record<`x-${string}`, unknown>;

/** A documented property, required or not, with extensions. */
export const property = (options: ApiPropertyOptions, extensions: Extensions = {}, optional = false) =>
  (optional ? ApiPropertyOptional : ApiProperty)({ ...options, ...extensions } as ApiPropertyOptions);

/** The years 1970–2199. */
const YEAR = '(19[7-9]\\d|2[01]\\d\\d)';
const DATE = `${YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])`;
const ZONE = '(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)';
/** RFC 3339 date-times the ledger accepts: seconds and up to 9 fraction digits optional, a zone required. */
const DATE_TIME_PATTERN = `^${DATE}T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?${ZONE}$`;
const DATE_PATTERN = `^${DATE}$`;
/** ISO week, month or quarter of a ledger year. */
export const PERIOD_PATTERN = `^${YEAR}-(W(0[1-9]|[1-4]\\d|5[0-3])|0[1-9]|1[0-2]|Q[1-4])$`;
export const PERIOD_RULE = `an ISO week YYYY-Www, a month YYYY-MM or a quarter YYYY-Qn that exists, of a year ${LEDGER_FIRST_YEAR}–${LEDGER_LAST_YEAR}`;

const LEDGER_SPAN = `${LEDGER_EARLIEST_INSTANT} to ${LEDGER_LATEST_INSTANT} (UTC)`;
const LEDGER_DATES = `${LEDGER_FIRST_YEAR}-01-01 to ${LEDGER_LAST_YEAR}-12-31`;

const dateTimeRange: Extensions = {
  'x-formatMinimum': LEDGER_EARLIEST_INSTANT,
  'x-formatMaximum': LEDGER_LATEST_INSTANT,
};

const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const looksLikeInstant = (value: unknown): value is string =>
  typeof value === 'string' &&
  isISO8601(value, { strict: true, strictSeparator: true }) &&
  WITH_OFFSET.test(value);

/**
 * An instant: ISO-8601 with a time zone (rules isIso8601, matches), written as
 * RFC 3339 and within the ledger's span (rule ledgerTime, checked once the
 * others hold, by the domain's own parser).
 */
export const instantRules = () =>
  applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(WITH_OFFSET, { message: '$property must be a date-time with a time zone (Z or ±hh:mm)' }),
    ValidateBy({
      name: 'ledgerTime',
      validator: {
        validate: (value: unknown) => !looksLikeInstant(value) || toUtcInstant(value) !== null,
        defaultMessage: () =>
          `$property must be an RFC 3339 date-time YYYY-MM-DDThh:mm[:ss[.s…]] with Z or ±hh:mm, from ${LEDGER_SPAN}`,
      },
    }),
  );

interface FieldDoc {
  example: string | number;
  description: string;
}

/** The schema of an instant: format, pattern and range. */
export const instantProperty = ({ example, description }: FieldDoc, optional = false) =>
  property(
    {
      example,
      format: 'date-time',
      pattern: DATE_TIME_PATTERN,
      description: `${description}. From ${LEDGER_SPAN}.`,
    },
    dateTimeRange,
    optional,
  );

/** An optional instant (absent or null: none). */
export const OptionalInstant = (doc: FieldDoc) =>
  applyDecorators(instantProperty(doc, true), IsOptional(), instantRules());

/** A calendar date YYYY-MM-DD (no 30 February) of the ledger's years. */
export const CalendarDate = (example: string, description: string) =>
  applyDecorators(
    property(
      {
        example,
        format: 'date',
        pattern: DATE_PATTERN,
        description: `${description}. From ${LEDGER_DATES}.`,
      },
      { 'x-formatMinimum': `${LEDGER_FIRST_YEAR}-01-01`, 'x-formatMaximum': `${LEDGER_LAST_YEAR}-12-31` },
    ),
    ValidateBy({
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: () => `$property must be a calendar date YYYY-MM-DD from ${LEDGER_DATES}`,
      },
    }),
  );

interface IntegerDoc {
  minimum: number;
  maximum: number;
  example: number;
  description?: string;
  default?: number;
  optional?: boolean;
}

/** A JSON integer from minimum to maximum: no fractions, strings, Infinity or unsafe integers. */
export const Integer = ({ optional = false, ...doc }: IntegerDoc) =>
  applyDecorators(
    property({ type: 'integer', ...doc }, {}, optional),
    ...(optional ? [IsOptional()] : []),
    IsInt(),
    Min(doc.minimum),
    Max(doc.maximum),
  );

/** An integer in a query string: only digits (with a sign) are read as a number, anything else is refused. */
export const QueryInteger = ({ optional = true, ...doc }: IntegerDoc) =>
  applyDecorators(
    property({ type: 'integer', ...doc }, {}, optional),
    ...(optional ? [IsOptional()] : []),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value,
    ),
    IsInt(),
    Min(doc.minimum),
    Max(doc.maximum),
  );
