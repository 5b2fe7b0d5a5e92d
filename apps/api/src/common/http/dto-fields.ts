import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Length, Matches, MaxLength, ValidateIf, type ValidationOptions } from 'class-validator';
import {
  DISPLAY_NAME_MAX_LENGTH,
  DISPLAY_NAME_MIN_LENGTH,
  EMAIL_MAX_LENGTH,
  LANGUAGES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  RETURN_PATH_MAX_LENGTH,
  RETURN_PATH_PATTERN,
} from '@app/shared';

/**
 * "May be left out, but not null": unlike @IsOptional(), a null still runs the other checks, so a
 * PATCH cannot write null into a column that needs a value.
 */
export const Optional = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** Options for PartialType in PATCH DTOs: null is validated (and refused) unless the field allows it. */
export const PATCH = { skipNullProperties: false } as const;

/** Trims strings; leaves other values alone so the type check can refuse them. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const lowerTrim = Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** No control characters (they break logs, CSV exports and screen readers). */
export const NoControlChars = (options: Pick<ValidationOptions, 'each'> = {}) =>
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  Matches(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, { message: '$property must not contain control characters', ...options });

/** Reusable field rules: one definition per kind of field, used by every DTO. */
export const EmailField = (description = 'Email address') =>
  applyDecorators(
    ApiProperty({ description, example: 'person@example.org', maxLength: EMAIL_MAX_LENGTH }),
    lowerTrim,
    IsString(),
    MaxLength(EMAIL_MAX_LENGTH),
    IsEmail({}, { message: '$property must be a valid email address' }),
  );

export const PasswordField = (description = 'Password') =>
  applyDecorators(
    ApiProperty({ description, minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, format: 'password' }),
    IsString(),
    Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
      message: `$property must be between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters long`,
    }),
  );

/** A password being checked, not chosen: any non-empty string up to the maximum. */
export const CurrentPasswordField = (description = 'Current password', optional = false) =>
  applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ description, maxLength: PASSWORD_MAX_LENGTH, format: 'password' }),
    ...(optional ? [Optional()] : []),
    IsString(),
    Length(1, PASSWORD_MAX_LENGTH),
  );

export const DisplayNameField = (optional = false) =>
  applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({
      description: 'Name shown next to contributions; a pseudonym is fine',
      minLength: DISPLAY_NAME_MIN_LENGTH,
      maxLength: DISPLAY_NAME_MAX_LENGTH,
      example: 'Nachbarin vom Nordmarkt',
    }),
    ...(optional ? [Optional()] : []),
    Trim(),
    IsString(),
    Length(DISPLAY_NAME_MIN_LENGTH, DISPLAY_NAME_MAX_LENGTH),
    NoControlChars(),
  );

export const LanguageField = (description = 'Language for the interface and mails') =>
  applyDecorators(
    ApiPropertyOptional({ enum: LANGUAGES, description }),
    Optional(),
    IsIn(LANGUAGES as string[], { message: `$property must be one of: ${LANGUAGES.join(', ')}` }),
  );

/** The language a contribution (proposal, comment) is written in, as its author confirmed it. */
export const WrittenInField = (what: string) =>
  LanguageField(`The language the ${what} is written in; without it, the author's account language`);

export const TokenField = () =>
  applyDecorators(
    ApiProperty({ description: 'The token from the link in the mail' }),
    IsString(),
    Length(20, 100),
    Matches(/^[A-Za-z0-9_-]+$/, { message: '$property is not a valid token' }),
  );

/** A page of the app to come back to (a path such as /join/ABC123; never another host). */
export const ReturnPathField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, maxLength: RETURN_PATH_MAX_LENGTH, example: '/join/ABC123' }),
    Optional(),
    IsString(),
    MaxLength(RETURN_PATH_MAX_LENGTH),
    Matches(RETURN_PATH_PATTERN, { message: '$property must be a path in this app starting with a single "/", without spaces' }),
  );
