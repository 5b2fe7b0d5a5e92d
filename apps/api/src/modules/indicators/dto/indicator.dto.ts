import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  IMPORT_ERROR_CODES,
  INDICATOR_DECIMALS_MAX,
  INDICATOR_DESCRIPTION_MAX,
  INDICATOR_DIRECTIONS,
  INDICATOR_KEY_PATTERN,
  INDICATOR_NAME_MAX,
  INDICATOR_SOURCE_MAX,
  INDICATOR_UNIT_MAX,
  INDICATOR_YEAR_MIN,
  TARGET_COMPARATORS,
  TARGET_YEAR_MAX,
  TARGET_YEAR_MIN,
  IndicatorDirection,
  ImportErrorCode,
  TargetComparator,
  type CreateIndicatorRequest,
  type CreateTargetRequest,
  type ImportRowError,
  type IndicatorDefinition,
  type IndicatorImportResponse,
  type IndicatorTarget,
  type IndicatorValue,
  type LocalizedText,
  type SetIndicatorValueRequest,
} from '@app/shared';
import { NoControlChars, Optional, PATCH, Trim } from '../../../common/http/dto-fields';
import { parseInputDecimal } from '../decimal';

const VALUE_MESSAGE = '$property must be a number with at most 4 decimal places, e.g. 12.5';

/** A decimal as a JSON number, checked exactly as the CSV import does (its shortest decimal form, never the binary float). */
export const IsDecimalValue = () =>
  ValidateBy({
    name: 'isDecimalValue',
    validator: {
      validate: (v: unknown) => typeof v === 'number' && parseInputDecimal(v).ok,
      defaultMessage: () => VALUE_MESSAGE,
    },
  });

const DECIMAL_SCHEMA = { type: Number, example: 12.5 };

export class IndicatorNameDto implements LocalizedText {
  @ApiProperty({ example: 'Arbeitslosenrate' }) @Trim() @IsString() @Length(2, INDICATOR_NAME_MAX) @NoControlChars() de: string;
  @ApiProperty({ example: 'Unemployment rate' }) @Trim() @IsString() @Length(2, INDICATOR_NAME_MAX) @NoControlChars() en: string;
}

export class IndicatorDescriptionDto implements LocalizedText {
  @ApiProperty() @Trim() @IsString() @MaxLength(INDICATOR_DESCRIPTION_MAX) @NoControlChars() de: string;
  @ApiProperty() @Trim() @IsString() @MaxLength(INDICATOR_DESCRIPTION_MAX) @NoControlChars() en: string;
}

export class IndicatorDto implements IndicatorDefinition {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'arbeitslosenrate' }) key: string;
  @ApiProperty({ type: IndicatorNameDto }) name: IndicatorNameDto;
  @ApiProperty({ example: '%' }) unit: string;
  @ApiProperty({ enum: INDICATOR_DIRECTIONS }) direction: IndicatorDirection;
  @ApiProperty({ type: IndicatorDescriptionDto }) description: IndicatorDescriptionDto;
  @ApiProperty() source: string;
  @ApiProperty({ minimum: 0, maximum: INDICATOR_DECIMALS_MAX }) decimals: number;
  @ApiProperty() sortOrder: number;
  @ApiProperty() valueCount: number;
  @ApiProperty({ type: Number, nullable: true }) firstYear: number | null;
  @ApiProperty({ type: Number, nullable: true }) lastYear: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CreateIndicatorDto implements CreateIndicatorRequest {
  @ApiProperty({ example: 'arbeitslosenrate', description: 'Lower-case letters, digits, underscores; starts with a letter (2–40)' })
  @Trim()
  @IsString()
  @Matches(INDICATOR_KEY_PATTERN, { message: 'key must be 2 to 40 lower-case letters, digits or underscores, starting with a letter' })
  key: string;

  @ApiProperty({ type: IndicatorNameDto }) @IsDefined() @ValidateNested() @Type(() => IndicatorNameDto) name: IndicatorNameDto;

  @ApiProperty({ example: '%' }) @Trim() @IsString() @Length(1, INDICATOR_UNIT_MAX) @NoControlChars() unit: string;

  @ApiProperty({ enum: INDICATOR_DIRECTIONS })
  @IsIn(INDICATOR_DIRECTIONS as string[], { message: `direction must be one of: ${INDICATOR_DIRECTIONS.join(', ')}` })
  direction: IndicatorDirection;

  @ApiProperty({ type: IndicatorDescriptionDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => IndicatorDescriptionDto)
  description: IndicatorDescriptionDto;

  @ApiProperty({ example: 'Statistikstelle der Stadt, Sozialbericht 2024' })
  @Trim()
  @IsString()
  @Length(1, INDICATOR_SOURCE_MAX)
  @NoControlChars()
  source: string;

  @ApiPropertyOptional({ default: 1, minimum: 0, maximum: INDICATOR_DECIMALS_MAX })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(INDICATOR_DECIMALS_MAX)
  decimals?: number;

  @ApiPropertyOptional({ default: 0 }) @Optional() @IsInt() @Min(0) @Max(1000) sortOrder?: number;
}

export class UpdateIndicatorDto extends PartialType(OmitType(CreateIndicatorDto, ['key'] as const), PATCH) {}

// ---- values ----

const AREA_OR_CITY = 'an area id (uuid) or "city" for the city-wide values';

export class IndicatorValueDto implements IndicatorValue {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'arbeitslosenrate' }) indicatorKey: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null = city-wide value' }) areaId: string | null;
  @ApiProperty({ example: 'ar-nordmarkt', description: 'Area code, or "stadt" for the city-wide value' }) areaCode: string;
  @ApiProperty({ type: String, nullable: true }) areaName: string | null;
  @ApiProperty({ example: 2024 }) year: number;
  @ApiProperty({ example: 12.5 }) value: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** A range of years (from/to inclusive), for value series and area profiles. */
export class YearRangeQueryDto {
  @ApiPropertyOptional({ example: 2012 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(INDICATOR_YEAR_MIN)
  @Max(TARGET_YEAR_MAX)
  from?: number;
  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(INDICATOR_YEAR_MIN)
  @Max(TARGET_YEAR_MAX)
  to?: number;
}

export class ValueQueryDto extends YearRangeQueryDto {
  @ApiPropertyOptional({ description: AREA_OR_CITY })
  @IsOptional()
  @ValidateIf((_o, v) => v !== 'city')
  @IsUUID('all', { message: `areaId must be ${AREA_OR_CITY}` })
  areaId?: string;
}

export class SetIndicatorValueDto implements SetIndicatorValueRequest {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null = city-wide value' })
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'areaId must be a UUID or null (city-wide)' })
  areaId: string | null;

  @ApiProperty({ example: 2024 }) @IsInt() @Min(INDICATOR_YEAR_MIN) @Max(TARGET_YEAR_MAX) year: number;

  @ApiProperty({ ...DECIMAL_SCHEMA, description: 'Number with at most 4 decimal places (stored exactly)' })
  @IsDecimalValue()
  value: number;
}

// ---- targets ----

export class TargetDto implements IndicatorTarget {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'arbeitslosenrate' }) indicatorKey: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null = city-wide target' }) areaId: string | null;
  @ApiProperty({ example: 'stadt' }) areaCode: string;
  @ApiProperty({ type: String, nullable: true }) areaName: string | null;
  @ApiProperty({ enum: TARGET_COMPARATORS }) comparator: TargetComparator;
  @ApiProperty({ example: 10 }) value: number;
  @ApiProperty({ example: 2030 }) dueYear: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class TargetQueryDto {
  @ApiPropertyOptional({ example: 'arbeitslosenrate' })
  @IsOptional()
  @Matches(INDICATOR_KEY_PATTERN, { message: 'indicator must be an indicator key' })
  indicator?: string;

  @ApiPropertyOptional({ description: AREA_OR_CITY })
  @IsOptional()
  @ValidateIf((_o, v) => v !== 'city')
  @IsUUID('all', { message: `areaId must be ${AREA_OR_CITY}` })
  areaId?: string;
}

export class CreateTargetDto implements CreateTargetRequest {
  @ApiProperty({ example: 'arbeitslosenrate' })
  @IsString()
  @Matches(INDICATOR_KEY_PATTERN, { message: 'indicatorKey must be an indicator key' })
  indicatorKey: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Absent or null = city-wide target' })
  @IsOptional()
  @IsUUID('all', { message: 'areaId must be a UUID or null (city-wide)' })
  areaId?: string | null;

  @ApiProperty({ enum: TARGET_COMPARATORS })
  @IsIn(TARGET_COMPARATORS as string[], { message: `comparator must be one of: ${TARGET_COMPARATORS.join(', ')}` })
  comparator: TargetComparator;

  @ApiProperty({ ...DECIMAL_SCHEMA, example: 10, description: 'Number with at most 4 decimal places' }) @IsDecimalValue() value: number;

  @ApiProperty({ example: 2030 }) @IsInt() @Min(TARGET_YEAR_MIN) @Max(TARGET_YEAR_MAX) dueYear: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  @NoControlChars()
  note?: string | null;
}

export class UpdateTargetDto extends PartialType(OmitType(CreateTargetDto, ['indicatorKey'] as const), PATCH) {}

// ---- import ----

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'true: check and count only, write nothing' })
  @IsOptional()
  @IsIn(['true', 'false', '1', '0'], { message: 'dryRun must be true or false' })
  dryRun?: string;
}

export class ImportRowErrorDto implements ImportRowError {
  @ApiProperty({ example: 7, description: '1-based line in the file (1 = header)' }) line: number;
  @ApiPropertyOptional({ example: 'Gebiet' }) column?: string;
  @ApiProperty({ enum: IMPORT_ERROR_CODES }) code: ImportErrorCode;
  @ApiProperty({ example: 'Unknown area "ar-xyz"' }) message: string;
  @ApiPropertyOptional({ example: 'ar-xyz' }) value?: string;
}

class ImportCountsDto {
  @ApiProperty() inserted: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
}

export class IndicatorImportResponseDto implements IndicatorImportResponse {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'True only when a real import wrote the file (in one transaction)' }) imported: boolean;
  @ApiProperty({ enum: [',', ';', '\t'] }) delimiter: ',' | ';' | '\t';
  @ApiProperty({ enum: ['.', ','] }) decimalSeparator: '.' | ',';
  @ApiProperty() rows: number;
  @ApiProperty({ type: ImportCountsDto }) counts: ImportCountsDto;
  @ApiProperty() errorCount: number;
  @ApiProperty({ type: [ImportRowErrorDto] }) errors: ImportRowErrorDto[];
  @ApiProperty() durationMs: number;
}
