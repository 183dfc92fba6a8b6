import { InvalidEventError } from './errors.js';

/** Where a value cannot be stored, and which rule it breaks. */
interface UnstorableValue {
  field: string;
  rule: string;
  message: string;
}

/** Deeper than any command needs; keeps recursive consumers (canonical JSON) far from the stack limit. */
const MAX_JSON_DEPTH = 32;

const unstorable = (text: string): string | null => {
  // PostgreSQL text and JSONB cannot hold NUL; RFC 8785 refuses lone surrogates.
  if (text.includes('\u0000')) return 'no-nul-character';
  if (!text.isWellFormed()) return 'well-formed-unicode';
  return null;
};

const MESSAGES: Record<string, string> = {
  'no-nul-character': 'must not contain NUL (\\u0000)',
  'well-formed-unicode': 'must be well-formed Unicode (no lone surrogates)',
  'max-depth': `must not nest deeper than ${MAX_JSON_DEPTH} levels`,
  'finite-number': 'must be a finite number',
};

const fieldError = (field: string, rule: string): UnstorableValue => ({
  field,
  rule,
  message: `${field} ${MESSAGES[rule]}`,
});

/**
 * The first thing in a parsed body that the ledger could not store or hash,
 * named by its path. Iterative, so a hostile nesting depth cannot overflow the stack.
 */
export const findUnstorable = (body: unknown): UnstorableValue | null => {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    const field = path || '(body)';
    // JSON like 1e400 parses to Infinity, which neither JSONB nor canonical JSON can hold.
    if (typeof value === 'number' && !Number.isFinite(value)) return fieldError(field, 'finite-number');
    if (typeof value === 'string') {
      const rule = unstorable(value);
      if (rule) return fieldError(field, rule);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) return fieldError(field, 'max-depth');
    for (const [key, child] of Object.entries(value)) {
      const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      const keyRule = unstorable(key);
      if (keyRule) return fieldError(childPath, keyRule);
      pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
};

/** Refuses an append whose events could not be stored or hashed, naming the first such field. */
export const assertStorable = (events: readonly { data: unknown; metadata: unknown }[]): void => {
  events.forEach((event, index) => {
    const found = findUnstorable({ data: event.data, metadata: event.metadata });
    if (found) throw new InvalidEventError(`events[${index}].${found.field}`, found.message);
  });
};
