import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { NoControlChars, Optional, Trim } from '../../../common/http/dto-fields';

/**
 * The largest amount the API takes, in cents (100 million euros): far above any fund, and small
 * enough that every sum of a fund's amounts stays an exact integer.
 */
export const FUND_AMOUNT_MAX_CENTS = 10_000_000_000;

/** May be left out or null. */
export const nullable = () => ValidateIf((_o: unknown, v: unknown) => v !== undefined && v !== null);

/** A whole, non-negative number of cents: fractional or negative amounts are refused with 400. */
export const CentsField = (description: string, options: { optional?: boolean; min?: number } = {}) =>
  applyDecorators(
    (options.optional ? ApiPropertyOptional : ApiProperty)({
      type: 'integer',
      minimum: options.min ?? 0,
      maximum: FUND_AMOUNT_MAX_CENTS,
      example: 150000,
      description: `${description} (whole euro cents: 150000 = 1,500 EUR)`,
    }),
    ...(options.optional ? [Optional()] : []),
    IsInt({ message: '$property must be a whole number of euro cents (no fractions)' }),
    Min(options.min ?? 0, { message: `$property must be at least ${options.min ?? 0} cents (no negative amounts)` }),
    Max(FUND_AMOUNT_MAX_CENTS, { message: `$property must be at most ${FUND_AMOUNT_MAX_CENTS} cents` }),
  );

/** A calendar date "YYYY-MM-DD" (whether it is a real day is checked by the service, 422). */
export const DateField = (description: string, options: { optional?: boolean; nullable?: boolean } = {}) =>
  applyDecorators(
    (options.optional || options.nullable ? ApiPropertyOptional : ApiProperty)({
      type: String,
      format: 'date',
      example: '2026-03-01',
      description,
      ...(options.nullable ? { nullable: true } : {}),
    }),
    ...(options.nullable ? [nullable()] : options.optional ? [Optional()] : []),
    IsString(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date in the form YYYY-MM-DD' }),
  );

/** Trimmed text without control characters. */
export const TextField = (min: number, max: number, description: string, options: { optional?: boolean; nullable?: boolean } = {}) =>
  applyDecorators(
    (options.optional || options.nullable ? ApiPropertyOptional : ApiProperty)({
      type: String,
      minLength: min,
      maxLength: max,
      description,
      ...(options.nullable ? { nullable: true } : {}),
    }),
    ...(options.nullable ? [nullable()] : options.optional ? [Optional()] : []),
    Trim(),
    IsString(),
    Length(min, max),
    NoControlChars(),
  );
