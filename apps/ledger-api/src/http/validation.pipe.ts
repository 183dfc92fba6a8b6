import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** class-validator on every DTO; unknown fields are rejected, not silently dropped. */
export const ledgerValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      return new ProblemException(
        problem(400, 'validation-failed', 'The request is not valid', {
          detail: fieldErrors.map((e) => e.message).join('; '),
          errors: fieldErrors,
        }),
      );
    },
  });
