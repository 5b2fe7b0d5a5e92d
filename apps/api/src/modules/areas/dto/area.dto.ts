import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsOptional, Max, Min, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { AREA_TYPES, AreaType, type AreaDetailResponse, type AreaResponse, type CreateAreaRequest } from '@app/shared';
import { NoControlChars, PATCH, Trim } from '../../../common/http/dto-fields';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AreaDto implements AreaResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AREA_TYPES }) type: AreaType;
  @ApiProperty({ example: 'ar-nordmarkt' }) code: string;
  @ApiProperty({ example: 'Nordmarkt' }) name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) parentId: string | null;
  @ApiProperty({ format: 'date', example: '2008-01-01' }) validFrom: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) validTo: string | null;
  @ApiProperty() current: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'Aktionsräume: supports per person at once; null = no limit' })
  supportLimit: number | null;
}

export class AreaDetailDto extends AreaDto implements AreaDetailResponse {
  @ApiProperty({ type: AreaDto, nullable: true }) parent: AreaDto | null;
  @ApiProperty({ type: [AreaDto] }) children: AreaDto[];
}

export class CreateAreaDto implements CreateAreaRequest {
  @ApiProperty({ enum: AREA_TYPES })
  @IsIn(AREA_TYPES as string[], { message: `type must be one of: ${AREA_TYPES.join(', ')}` })
  type: AreaType;

  @ApiProperty({ description: 'Stable key: lower-case letters, digits and dashes', example: 'ar-nordmarkt' })
  @Trim()
  @IsString()
  @Length(2, 60)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'code may contain lower-case letters, digits and single dashes only' })
  code: string;

  @ApiProperty({ example: 'Nordmarkt' })
  @Trim()
  @IsString()
  @Length(2, 120)
  @NoControlChars()
  name: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  @NoControlChars()
  description?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Required for Aktionsräume (a Stadtbezirk) and Quartiere (an Aktionsraum)',
  })
  @IsOptional()
  @IsUUID('all')
  parentId?: string | null;

  @ApiProperty({ format: 'date', example: '2008-01-01' })
  @Matches(ISO_DATE, { message: 'validFrom must be a date like 2024-01-31' })
  @IsDateString({ strict: true }, { message: 'validFrom must be a real calendar date' })
  validFrom: string;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    type: String,
    description: 'Last day of validity (inclusive); set it to retire the area',
  })
  @ValidateIf((o: CreateAreaDto) => o.validTo !== null && o.validTo !== undefined)
  @Matches(ISO_DATE, { message: 'validTo must be a date like 2024-12-31' })
  @IsDateString({ strict: true }, { message: 'validTo must be a real calendar date' })
  validTo?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 1000,
    description: 'Aktionsräume only: how many open proposals one person may support at once here (incl. its Quartiere); null = no limit',
  })
  @ValidateIf((o: CreateAreaDto) => o.supportLimit !== null && o.supportLimit !== undefined)
  @IsInt({ message: 'supportLimit must be a whole number (or null for no limit)' })
  @Min(1)
  @Max(1000)
  supportLimit?: number | null;
}

export class UpdateAreaDto extends PartialType(OmitType(CreateAreaDto, ['type'] as const), PATCH) {}

export class AreaQueryDto {
  @ApiPropertyOptional({ enum: AREA_TYPES })
  @IsOptional()
  @IsIn(AREA_TYPES as string[], { message: `type must be one of: ${AREA_TYPES.join(', ')}` })
  type?: AreaType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string;

  @ApiPropertyOptional({
    enum: ['current', 'all'],
    default: 'current',
    description: 'current: valid today; all: also retired and future areas',
  })
  @IsOptional()
  @IsIn(['current', 'all'])
  include?: 'current' | 'all';
}
