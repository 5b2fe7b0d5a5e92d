import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ErrorCode, type FieldErrorDetail } from '@app/shared';
import { DomainError } from './domain-error';

/** Flattens class-validator's nested errors into dotted field paths. */
export function toFieldDetails(errors: ValidationError[], prefix = ''): FieldErrorDetail[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own: FieldErrorDetail[] = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...toFieldDetails(e.children ?? [], field)];
  });
}

/** Refuses bodies that are not a JSON object (arrays, strings, numbers, missing) before field checks. */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The request body must be a JSON object (Content-Type: application/json).');
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
