import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { CreateFieldOfActionRequest, FieldOfActionResponse, LocalizedText } from '@app/shared';
import { NoControlChars, Optional, PATCH, Trim } from '../../../common/http/dto-fields';

export class LocalizedNameDto implements LocalizedText {
  @ApiProperty({ example: 'Arbeit und Beschäftigung im Quartier' }) @Trim() @IsString() @Length(2, 160) @NoControlChars() de: string;
  @ApiProperty({ example: 'Work and employment in the neighbourhood' }) @Trim() @IsString() @Length(2, 160) @NoControlChars() en: string;
}

export class LocalizedDescriptionDto implements LocalizedText {
  @ApiProperty() @Trim() @IsString() @Length(0, 4000) @NoControlChars() de: string;
  @ApiProperty() @Trim() @IsString() @Length(0, 4000) @NoControlChars() en: string;
}

export class FieldOfActionDto implements FieldOfActionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'AB' }) code: string;
  @ApiProperty({ type: LocalizedNameDto }) name: LocalizedNameDto;
  @ApiProperty({ type: LocalizedDescriptionDto }) description: LocalizedDescriptionDto;
  @ApiProperty() sortOrder: number;
  @ApiProperty() active: boolean;
}

export class CreateFieldOfActionDto implements CreateFieldOfActionRequest {
  @ApiProperty({ example: 'AB', description: '1–10 upper-case letters or digits' })
  @Trim()
  @IsString()
  @Matches(/^[A-Z0-9]{1,10}$/, { message: 'code must be 1 to 10 upper-case letters or digits' })
  code: string;

  @ApiProperty({ type: LocalizedNameDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedNameDto)
  name: LocalizedNameDto;

  @ApiProperty({ type: LocalizedDescriptionDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedDescriptionDto)
  description: LocalizedDescriptionDto;

  @ApiPropertyOptional({ default: 0 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(1000)
  sortOrder?: number;

  @ApiPropertyOptional({ default: true, description: 'Inactive fields are hidden from new contributions but kept for history' })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateFieldOfActionDto extends PartialType(CreateFieldOfActionDto, PATCH) {}

export class FieldOfActionQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'all'], default: 'active' })
  @IsOptional()
  @IsIn(['active', 'all'])
  include?: 'active' | 'all';
}
