import { ApiExtraModels, getSchemaPath } from '@nestjs/swagger';

/** The classes of a union's members, by the value of their `kind`. */
export type Kinds = Record<string, new () => object>;

/** A union in the document: oneOf one schema per kind, told apart by `kind` (discriminator and mapping). */
export const oneOfKinds = (kinds: Kinds) => {
  const entries = Object.entries(kinds);
  return {
    oneOf: entries.map(([, type]) => ({ $ref: getSchemaPath(type) })),
    discriminator: {
      propertyName: 'kind',
      mapping: Object.fromEntries(entries.map(([kind, type]) => [kind, getSchemaPath(type)])),
    },
  };
};

/**
 * A property decorator that registers the members' schemas with the DTO that
 * holds the union: they are referenced only from oneOf, so nothing else would.
 */
export const RegisterKinds =
  (kinds: Kinds) =>
  (target: object): void => {
    ApiExtraModels(...Object.values(kinds))(target.constructor);
  };
