import type { OpenAPIObject } from '@nestjs/swagger';
import type { LedgerConfig } from '../config/ledger-config.js';

/**
 * The extension naming the setting a field's allowed values come from. The
 * values are configured at start, after the DTOs' decorators ran, so the
 * document gets them here, once it is built.
 */
const ENUM_FROM = 'x-ledger-enum-from';

type Setting = 'LEDGER_OBJECTION_CATEGORIES' | 'LEDGER_LEAD_REJECTION_REASONS' | 'LEDGER_CURRENCY';

/** Marks a schema (or, for an array, its items) as taking its enum from a setting. */
export const enumFrom = (setting: Setting) => ({ [ENUM_FROM]: setting }) as const;

const valuesOf = (config: LedgerConfig, setting: Setting): readonly string[] => {
  switch (setting) {
    case 'LEDGER_OBJECTION_CATEGORIES':
      return config.objectionCategories;
    case 'LEDGER_LEAD_REJECTION_REASONS':
      return config.leadRejectionReasons;
    case 'LEDGER_CURRENCY':
      return [config.currency];
  }
};

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

const declareIn = (node: Node, config: LedgerConfig): void => {
  const setting = node[ENUM_FROM] as Setting | undefined;
  if (setting !== undefined) {
    const target = node.type === 'array' && isNode(node.items) ? node.items : node;
    target.enum = [...valuesOf(config, setting)];
  }
  for (const child of Object.values(node)) {
    if (Array.isArray(child)) child.filter(isNode).forEach((item) => declareIn(item, config));
    else if (isNode(child)) declareIn(child, config);
  }
};

/**
 * Puts the configured taxonomies (objection categories, lead rejection
 * reasons) and the ledger's currency into the document as enums, wherever a
 * schema says `x-ledger-enum-from`.
 */
export const declareTaxonomies = (document: OpenAPIObject, config: LedgerConfig): OpenAPIObject => {
  declareIn(document as unknown as Node, config);
  return document;
};
