import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ErrorCode, type FieldErrorDetail } from '@app/shared';
import { DomainError } from './domain-error';

/** Flattens class-validator's nested errors into dotted field paths. */
export function toFieldDetails(errors: ValidationError[], prefix = ''): FieldErrorDetail[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own: FieldErrorDetail[] = e.constraints
      ? [{ field, messages: Object.values(e.constraints), rules: Object.keys(e.constraints) }]
      : [];
    return [...own, ...toFieldDetails(e.children ?? [], field)];
  });
}

/** No request body of this API nests deeper; more is an attack on the recursive validators. */
export const MAX_BODY_DEPTH = 16;

/**
 * The first problem of a body that no DTO rule can catch safely: nesting too deep for the
 * recursive transformers, or a NUL character (PostgreSQL cannot store it in text columns).
 */
export function structuralProblem(value: unknown, path = '', depth = 0): FieldErrorDetail | null {
  if (typeof value === 'string')
    return value.includes('\u0000') ? { field: path || 'body', messages: ['must not contain NUL characters'] } : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_BODY_DEPTH) return { field: path || 'body', messages: [`is nested too deeply (at most ${MAX_BODY_DEPTH} levels)`] };
  for (const [key, child] of Object.entries(value)) {
    const problem = structuralProblem(child, path ? `${path}.${key}` : key, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/**
 * Removes the keys that would reach an object's prototype (`__proto__`, `prototype`, `constructor`)
 * from a parsed payload, in place, as Nest's ValidationPipe does for HTTP bodies: the socket gateway
 * validates its payloads itself, and class-transformer fails on a nested `constructor` object.
 */
export function stripPrototypeKeys(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      stack.push(...Object.values(current));
      continue;
    }
    const record = current as Record<string, unknown>;
    for (const key of ['__proto__', 'prototype', 'constructor']) if (Object.prototype.hasOwnProperty.call(record, key)) delete record[key];
    stack.push(...Object.values(record));
  }
}

/** Refuses bodies that are not a JSON object, or are unsafe to walk, before the field checks. */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new DomainError(ErrorCode.ValidationFailed, 'The request body must be a JSON object (Content-Type: application/json).');
      }
    }
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problem = structuralProblem(value);
      if (problem) throw new DomainError(ErrorCode.ValidationFailed, `Please check this field: ${problem.field}.`, [problem]);
    }
    return super.transform(value, metadata);
  }
}

/** The one ValidationPipe: unknown fields are refused, values are converted to the DTO's types. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = toFieldDetails(errors);
      const fields = [...new Set(details.map((d) => d.field))].join(', ');
      return new DomainError(ErrorCode.ValidationFailed, `Please check these fields: ${fields}.`, details);
    },
  });
}
