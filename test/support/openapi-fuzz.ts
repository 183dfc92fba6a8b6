/**
 * Requests built from the service's own OpenAPI document: for every operation,
 * one valid request per parameter and body field with that one value replaced
 * by something out of range, malformed or of the wrong type (and a few values
 * at the very edge of the ranges, which must be accepted and stay harmless).
 * An exhaustive table, not random: the same document gives the same requests.
 */

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
  example?: unknown;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** One thing replaced: where, by what, and the whole value it is now part of. */
interface Mutation {
  where: string;
  leaf: unknown;
  value: unknown;
}

export interface FuzzRequest {
  operationId: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Raw JSON, so that it can hold 1e309 and -0. */
  body?: string;
  /** What was replaced, for failure messages. */
  target: string;
}

/** A number JSON.stringify cannot write: spliced into the raw body. */
class RawNumber {
  constructor(readonly text: string) {}
}
const raw = (text: string) => new RawNumber(text);

/** Instants out of the ledger's span (1970–2199 UTC) or not RFC 3339 date-times. */
const BAD_INSTANTS = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '1970-01-01T00:30:00+01:00',
  '2199-12-31T23:30:00-01:00',
  '2200-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '10000-01-01T00:00:00Z',
  '+010000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '20260302T103000Z',
  '2026-W10-1T10:00Z',
  '2026-069T10:00:00Z',
  '2026-03-02T10:30:00,5Z',
  '2026-03-02T10Z',
  '2026-03-02T10:30:00.1234567891Z',
  '2026-02-30T10:00:00Z',
  '2026-03-02T24:00:00Z',
  '2026-03-02T10:30:00',
  '2026-03-02',
  'now',
];
/** At the edges of the span: accepted. */
const EDGE_INSTANTS = ['1970-01-01T00:00:00Z', '2199-12-31T23:59:59.999Z', '2026-03-02T10:30Z'];

const BAD_DATES = [
  '0000-01-01',
  '0001-01-01',
  '1969-12-31',
  '2200-01-01',
  '9999-12-31',
  '10000-01-01',
  '+010000-01-01',
  '2026-02-30',
  '2026-13-01',
  '2026-1-1',
  '20260101',
  '2026-01-01T00:00:00Z',
];
const EDGE_DATES = ['1970-01-01', '2199-12-31'];

const BAD_PERIODS = [
  '9999-Q4',
  '0000-W01',
  '0000-01',
  '9999-12',
  '9999-W52',
  '1969-12',
  '2200-Q1',
  '2021-W53',
  '2026-W00',
  '2026-W54',
  '2026-00',
  '2026-13',
  '2026-Q0',
  '2026-Q5',
  '2026',
  '10000-01',
];
const EDGE_PERIODS = ['1970-W01', '1970-01', '2199-Q4', '2199-12'];

const BAD_IDS = ['', 'has space', 'x'.repeat(65), 'é', 'a/b', 'a?b', '..', '%'];

const BAD_QUERY_INTEGERS = [
  '-1',
  '1.5',
  '1e3',
  'abc',
  '',
  ' 1',
  '0x10',
  'Infinity',
  'NaN',
  '1e309',
  '99999999999999999999',
];

const WRONG_TYPES: unknown[] = [null, true, 0, 'x', [], {}];

const typeOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number'
        ? 'number'
        : typeof value;

const isPeriod = (schema: Schema) => schema.pattern?.includes('|Q[1-4]') ?? false;

/** Builds the requests from the document. */
export class OpenApiFuzzer {
  private counter = 0;

  constructor(private readonly doc: OpenApiDocument) {}

  resolve(schema: Schema): Schema {
    if (schema.$ref) return this.resolve(this.doc.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return { ...schema, ...this.resolve(schema.allOf[0]), allOf: undefined };
    return schema;
  }

  /** A fresh id, so that each request names a stream of its own. */
  freshId(): string {
    this.counter += 1;
    return `fuzz-${this.counter}`;
  }

  /** A value the schema accepts (its example where it has one). */
  valid(input: Schema): unknown {
    const schema = this.resolve(input);
    if (schema.oneOf) return this.valid(schema.oneOf[0]);
    if (schema.example !== undefined) return structuredClone(schema.example);
    if (schema.enum) return schema.enum[0];
    switch (schema.type) {
      case 'object':
        return Object.fromEntries(
          Object.entries(schema.properties ?? {})
            .filter(([name]) => schema.required?.includes(name))
            .map(([name, property]) => [name, this.valid(property)]),
        );
      case 'array':
        return schema.items ? [this.valid(schema.items)] : [];
      case 'integer':
      case 'number':
        return schema.minimum ?? 0;
      case 'boolean':
        return true;
      default:
        if (schema.format === 'date-time') return '2026-11-20T10:00:00Z';
        if (schema.format === 'date') return '2026-11-20';
        if (isPeriod(schema)) return '2026-11';
        return this.freshId();
    }
  }

  /**
   * `base` with one thing in it replaced, each as [where, value]: the whole
   * value by ones of the wrong type, out of range or malformed; then, inside
   * an object, each field (or its absence); inside a union, each variant and
   * its fields; inside a list, each bad item alone.
   */
  mutations(input: Schema, base: unknown, path: string): Mutation[] {
    const schema = this.resolve(input);
    const whole = (values: unknown[]) =>
      values.map((value): Mutation => ({ where: path || '(body)', leaf: value, value }));
    if (schema.oneOf) {
      return [
        ...whole([...WRONG_TYPES, { kind: 'no-such-kind' }]),
        ...schema.oneOf.flatMap((variant) => {
          const valid = this.valid(variant);
          return [...whole([valid]), ...this.fieldMutations(variant, valid, path)];
        }),
      ];
    }
    const wrongTypes = WRONG_TYPES.filter(
      (value) => typeOf(value) !== (schema.type === 'integer' ? 'number' : schema.type),
    );
    switch (schema.type) {
      case 'object':
        return [
          ...whole([...wrongTypes, { ...(base as object), unknownField: 1 }]),
          ...this.fieldMutations(schema, base, path),
        ];
      case 'array': {
        // Each bad item alone, in a list of one.
        const item = schema.items ?? {};
        const items = this.mutations(item, this.valid(item), `${path}.0`);
        return [
          ...whole([...wrongTypes, ...this.invalidArrays(schema)]),
          ...items.map((mutation): Mutation => ({ ...mutation, value: [mutation.value] })),
        ];
      }
      case 'integer':
      case 'number': {
        const { minimum = 0, maximum = Number.MAX_SAFE_INTEGER } = schema;
        const numbers = [
          minimum - 1,
          maximum + 1,
          -1,
          1.5,
          2 ** 53,
          1e21,
          raw('1e309'),
          raw('-1e309'),
          raw('-0'),
          '1',
        ];
        return whole([...wrongTypes, ...numbers]);
      }
      case 'boolean':
        return whole([...wrongTypes, 'true', 1]);
      default:
        return whole([...wrongTypes, ...this.invalidStrings(schema)]);
    }
  }

  private fieldMutations(input: Schema, base: unknown, path: string): Mutation[] {
    const schema = this.resolve(input);
    const object = (base ?? {}) as Record<string, unknown>;
    return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
      const at = path ? `${path}.${name}` : name;
      const { [name]: _dropped, ...without } = object;
      const missing: Mutation[] = schema.required?.includes(name)
        ? [{ where: at, leaf: '(missing)', value: without }]
        : [];
      const replaced = this.mutations(property, object[name] ?? this.valid(property), at);
      return [
        ...missing,
        ...replaced.map((mutation): Mutation => ({
          ...mutation,
          value: { ...object, [name]: mutation.value },
        })),
      ];
    });
  }

  invalidStrings(schema: Schema): unknown[] {
    if (schema.format === 'date-time') return [...BAD_INSTANTS, ...EDGE_INSTANTS];
    if (schema.format === 'date') return [...BAD_DATES, ...EDGE_DATES];
    if (isPeriod(schema)) return [...BAD_PERIODS, ...EDGE_PERIODS];
    const values: unknown[] = [];
    if (schema.enum)
      values.push('not-in-the-list', String(schema.enum[0]).toUpperCase(), ` ${String(schema.enum[0])}`);
    if (schema.pattern) values.push(...BAD_IDS);
    if (schema.format === 'uri') values.push('ftp://files.example.com/x', 'not a url', 'javascript:alert(1)');
    if (schema.minLength) values.push('');
    if (schema.maxLength) values.push('x'.repeat(schema.maxLength + 1));
    values.push('nul\u0000inside', 'x'.repeat(20_000));
    return values;
  }

  private invalidArrays(schema: Schema): unknown[] {
    const item = schema.items ?? {};
    const many = (count: number) => Array.from({ length: count }, () => this.valid(item));
    const values: unknown[] = [[null], [[]], many(10_001)];
    if (schema.maxItems !== undefined) values.push(many(schema.maxItems + 1));
    if (schema.minItems) values.push([]);
    if (schema.uniqueItems) {
      const one = this.valid(item);
      values.push([one, one]);
    }
    return values;
  }
}

const RAW = /"__raw\((-?[0-9.e]+)\)__"/g;

/** JSON with the raw numbers spliced in. */
export const toJson = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    item instanceof RawNumber ? `__raw(${item.text})__` : item,
  ).replace(RAW, '$1');

const HEADER_VALUES: Record<string, string[]> = {
  'If-Match': ['W/"abc"', '"-1"', '"1.5"', '"1e309"', '"99999999999999999999"', '"0", "1"', 'x'.repeat(2000)],
  'Idempotency-Key': ['x'.repeat(300), ' ', 'a b'],
};

const paramValues = (fuzzer: OpenApiFuzzer, param: Parameter): string[] => {
  const schema = fuzzer.resolve(param.schema ?? {});
  if (param.in === 'header') return HEADER_VALUES[param.name] ?? ['x'.repeat(2000)];
  if (param.in === 'path') return isPeriod(schema) ? [...BAD_PERIODS, ...EDGE_PERIODS] : BAD_IDS;
  if (schema.type === 'integer') return BAD_QUERY_INTEGERS;
  if (schema.enum) return ['sideways', '', String(schema.enum[0]).toUpperCase()];
  // Node refuses a request line past 16 KB itself (431, before the service): a long query value stays under it.
  return fuzzer
    .invalidStrings(schema)
    .filter((value): value is string => typeof value === 'string')
    .map((value) => (value.length > 8_000 ? value.slice(0, 8_000) : value));
};

interface Base {
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
}

/** One deep list, past the nesting the service allows. */
const deeplyNested = (depth: number): unknown => (depth === 0 ? [] : [deeplyNested(depth - 1)]);

/** The requests for one operation. */
const operationRequests = (
  fuzzer: OpenApiFuzzer,
  template: string,
  method: string,
  op: Operation,
): FuzzRequest[] => {
  const params = op.parameters ?? [];
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const validBody = bodySchema ? (fuzzer.valid(bodySchema) as Record<string, unknown>) : undefined;
  const base = (): Base => ({
    path: Object.fromEntries(
      params.filter((p) => p.in === 'path').map((p) => [p.name, String(fuzzer.valid(p.schema ?? {}))]),
    ),
    query: Object.fromEntries(
      params
        .filter((p) => p.in === 'query' && p.required)
        .map((p) => [p.name, String(fuzzer.valid(p.schema ?? {}))]),
    ),
    headers: {},
  });
  const request = (
    { path, query, headers }: Base,
    target: string,
    body: unknown = validBody,
  ): FuzzRequest => ({
    operationId: op.operationId,
    method,
    path: template.replace(/\{(\w+)\}/g, (_all, name: string) => encodeURIComponent(path[name])),
    query,
    headers,
    body: body === undefined ? undefined : toJson(body),
    target,
  });
  const fromParams = params.flatMap((param) =>
    paramValues(fuzzer, param).map((value) => {
      const values = base();
      const where = param.in === 'header' ? values.headers : param.in === 'path' ? values.path : values.query;
      where[param.name] = value;
      return request(values, `${param.in} ${param.name}=${JSON.stringify(value).slice(0, 40)}`);
    }),
  );
  if (!bodySchema || !validBody) return fromParams;
  const fromBody = fuzzer
    .mutations(bodySchema, validBody, '')
    // A body that is not an object or array is not JSON to the service's strict parser (400 malformed-json).
    .filter(({ value }) => typeof value === 'object' && value !== null)
    .map(({ where, leaf, value }) => request(base(), `body ${where}=${toJson(leaf).slice(0, 60)}`, value));
  const [firstField] = Object.keys(validBody);
  const extremes = [
    request(base(), 'body of 300 KB', { ...validBody, [firstField]: 'x'.repeat(300_000) }),
    request(base(), 'body nested 40 deep', { ...validBody, [firstField]: deeplyNested(40) }),
  ];
  return [...fromParams, ...fromBody, ...extremes];
};

/** Every operation's requests, in the document's order. */
export const fuzzRequests = (doc: OpenApiDocument): FuzzRequest[] => {
  const fuzzer = new OpenApiFuzzer(doc);
  return Object.entries(doc.paths).flatMap(([template, operations]) =>
    Object.entries(operations).flatMap(([method, op]) => operationRequests(fuzzer, template, method, op)),
  );
};
