import { applyDecorators } from '@nestjs/common';
import { IsString, Length, Matches } from 'class-validator';
import { enumFrom } from '../http/declare-taxonomies.js';
import { property } from '../http/field-rules.js';
import { TextItems } from './dto-rules.js';

/**
 * Fields whose allowed values are configured (LEDGER_*): the document lists
 * them as enums once the configuration is read (declareTaxonomies); the
 * controllers check them (requireInTaxonomy) and the deciders the currency.
 */

const CATEGORIES =
  'From the ledger’s objection taxonomy (LEDGER_OBJECTION_CATEGORIES; default price, timing, competitor, feature-gap, integration, trust, other)';

/** A category of the ledger's objection taxonomy; the controller checks it against the configuration. */
export const ObjectionCategory = () =>
  applyDecorators(
    property(
      { example: 'price', description: CATEGORIES, minLength: 1, maxLength: 50 },
      enumFrom('LEDGER_OBJECTION_CATEGORIES'),
    ),
    IsString(),
    Length(1, 50),
  );

/** Categories of the objection taxonomy, each checked by the controller. */
export const ObjectionCategories = (description: string, { optional = false } = {}) =>
  TextItems(20, 50, ['price'], `${description}. ${CATEGORIES}`, {
    optional,
    items: enumFrom('LEDGER_OBJECTION_CATEGORIES'),
  });

/** A reason of the lead rejection taxonomy; the controller checks it against the configuration. */
export const RejectionReason = () =>
  applyDecorators(
    property(
      {
        example: 'no-budget',
        description:
          'From the ledger’s rejection taxonomy (LEDGER_LEAD_REJECTION_REASONS; default no-budget, no-authority, no-need, bad-timing, wrong-fit, duplicate, bad-contact-data, other)',
        minLength: 1,
        maxLength: 50,
      },
      enumFrom('LEDGER_LEAD_REJECTION_REASONS'),
    ),
    IsString(),
    Length(1, 50),
  );

/** An ISO 4217 code that must be the ledger's currency (another is a 422 from the decider). */
export const Currency = () =>
  applyDecorators(
    property(
      {
        example: 'EUR',
        description:
          'ISO 4217; must be the ledger’s currency (LEDGER_CURRENCY, default EUR): another code is a 422 currency-mismatch',
        pattern: '^[A-Z]{3}$',
      },
      enumFrom('LEDGER_CURRENCY'),
    ),
    Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' }),
  );
