import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { Middleware } from 'openapi-fetch';

const pointer = (...parts: string[]) =>
  parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/**
 * `nullable: true` as the generators read it (null, or the schema), also
 * beside allOf or oneOf, where OpenAPI 3.0.3 taken to the letter would refuse null.
 */
const nullAsAlternative = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(nullAsAlternative);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([key, value]) => [key, nullAsAlternative(value)] as const);
  const { nullable, ...schema } = Object.fromEntries(entries) as Record<string, unknown>;
  return nullable === true ? { anyOf: [{ type: 'null' }, schema] } : schema;
};

/**
 * A client middleware that checks every JSON answer against the schema the
 * document declares for its operation and status (Ajv, with the formats and
 * OpenAPI's nullable): an answer that drifts from the
 * contract fails the test that received it, with the differences.
 */
export const checkAnswersAgainst = (document: { components?: unknown }): Middleware => {
  // Ajv's discriminator takes no mapping; oneOf alone checks the same, so the keyword is left unread.
  const ajv = new Ajv({ strict: false, allErrors: true });
  // CommonJS under ESM: the plugin is the module's default member.
  ajvFormats.default(ajv);
  ajv.addSchema({ ...(nullAsAlternative(document) as object), $id: 'openapi' });
  return {
    async onResponse({ request, response, schemaPath }) {
      const type = response.headers.get('content-type') ?? '';
      const mediaType = type.split(';')[0].trim();
      if (!mediaType.endsWith('json')) return undefined;
      const ref = `openapi#/${pointer('paths', schemaPath, request.method.toLowerCase(), 'responses', String(response.status), 'content', mediaType, 'schema')}`;
      const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
      const body: unknown = await response.clone().json();
      if (!validate(body)) {
        const problems = ajv.errorsText(validate.errors, { separator: '\n  ' });
        throw new Error(
          `${request.method} ${schemaPath} ${response.status} breaks its schema:\n  ${problems}`,
        );
      }
      return undefined;
    },
  };
};
