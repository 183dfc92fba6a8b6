import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = { type?: string; nullable?: boolean; oneOf?: unknown[]; properties?: Record<string, Schema> };

/**
 * OpenAPI 3.0 allows nullable only beside a type, and @nestjs/swagger drops
 * the type of a property that has oneOf: put `type: object` back on nullable
 * unions of objects (each member of ours is one).
 */
export const typeNullableUnions = (document: OpenAPIObject): OpenAPIObject => {
  const schemas = Object.values(document.components?.schemas ?? {}) as Schema[];
  for (const schema of schemas) {
    for (const property of Object.values(schema.properties ?? {})) {
      if (property.nullable && property.oneOf && property.type === undefined) property.type = 'object';
    }
  }
  return document;
};
