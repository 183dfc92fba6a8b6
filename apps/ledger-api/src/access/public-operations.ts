import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * States in the document that a public operation needs no credentials
 * (`security: []`): @nestjs/swagger has no decorator for it, and a missing
 * list reads as "not declared" to linters and client generators.
 */
export const markPublicOperations = (document: OpenAPIObject): OpenAPIObject => {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Record<string, unknown>[]) {
      if (operation['x-ledger-scope'] === 'public') operation.security = [];
    }
  }
  return document;
};
