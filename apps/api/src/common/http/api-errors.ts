import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorCode, type ApiErrorBody, type FieldErrorDetail } from '@app/shared';

export class FieldErrorDetailDto implements FieldErrorDetail {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ type: [String], example: ['email must be a valid email address'] }) messages: string[];
  @ApiPropertyOptional({ type: [String], example: ['isEmail'], description: 'Stable rule names, one per message' }) rules?: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }] },
    example: { remainingCents: 50000 },
    description: 'Numbers that say the limit (e.g. the money remaining in a fund)',
  })
  params?: Record<string, number | string>;
}

export class ErrorBodyDto implements ApiErrorBody {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ enum: ErrorCode, example: ErrorCode.ValidationFailed }) code: ErrorCode;
  @ApiProperty({ example: 'Please check these fields: email.' }) message: string;
  @ApiPropertyOptional({ type: [FieldErrorDetailDto] }) details?: FieldErrorDetailDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (field details included)',
  401: 'Not signed in',
  403: 'Signed in, but not allowed (or CSRF token missing)',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'The upload is larger than allowed',
  416: 'The requested byte range lies outside the file',
  422: 'Valid input that breaks a rule of the domain',
  429: 'Too many requests; see Retry-After',
  503: 'A service this depends on is busy or did not answer; try again later',
};

/** Documents the error responses of a route, all in the one error body. */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(
    ApiExtraModels(ErrorBodyDto),
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', schema: { $ref: getSchemaPath(ErrorBodyDto) } }),
    ),
  );
