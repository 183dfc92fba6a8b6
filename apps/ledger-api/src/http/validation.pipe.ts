import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { type FieldError, ProblemException, problem } from './problem.js';

const flatten = (errors: ValidationError[], prefix = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknown-field' : rule,
      message,
    }));
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });

const invalid = (fieldErrors: FieldError[]) =>
  new ProblemException(
    problem(400, 'validation-failed', 'The request is not valid', {
      detail: fieldErrors.map((e) => e.message).join('; '),
      errors: fieldErrors,
    }),
  );

/** Per DTO class, once: a DTO's declarations do not change after its module has loaded. */
const declaredByType = new WeakMap<object, Set<string>>();

const declaredProperties = (metatype: ArgumentMetadata['metatype']): Set<string> => {
  if (!metatype) return new Set();
  let names = declaredByType.get(metatype);
  if (!names) {
    names = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(metatype, '', true, false)
        .map((m) => m.propertyName),
    );
    declaredByType.set(metatype, names);
  }
  return names;
};

/**
 * class-validator on every DTO; unknown fields are rejected, not dropped. The
 * raw keys are checked here too, because class-transformer silently skips keys
 * such as `__proto__` or `constructor`, which the whitelist then never sees.
 */
class LedgerValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const declared = declaredProperties(metadata.metatype);
    const unknown: FieldError[] =
      declared.size > 0 && typeof value === 'object' && value !== null
        ? Object.keys(value)
            .filter((key) => !declared.has(key))
            .map((key) => ({
              field: key,
              rule: 'unknown-field',
              message: `property ${key} should not exist`,
            }))
        : [];
    try {
      const transformed = await super.transform(value, metadata);
      if (unknown.length > 0) throw invalid(unknown);
      return transformed;
    } catch (error) {
      if (!(error instanceof ProblemException) || unknown.length === 0) throw error;
      const reported = error.problem.errors ?? [];
      const extra = unknown.filter((u) => !reported.some((r) => r.field === u.field && r.rule === u.rule));
      throw invalid([...extra, ...reported]);
    }
  }
}

export const ledgerValidationPipe = () =>
  new LedgerValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });
