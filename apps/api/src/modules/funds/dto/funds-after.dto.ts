import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { LANGUAGES, Language, PROJECT_STATES, type ProjectState } from '@app/shared';
import type { CreatedProjectRef } from '@app/shared/funds';
import { Optional } from '../../../common/http/dto-fields';

/** The language of an export. */
export class FundExportQueryDto {
  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: "Language of the header row and labels: de, or en for every other language (default: the caller's language)",
  })
  @Optional()
  @IsIn(LANGUAGES as string[], { message: `lang must be one of: ${LANGUAGES.join(', ')}` })
  lang?: Language;
}

/** The year of the administrators' export. */
export class FundsExportQueryDto extends FundExportQueryDto {
  @ApiProperty({ example: 2026, description: 'The funds of this year (their applications, all states)' })
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number such as 2026' })
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year: number;
}

export class CreatedProjectRefDto implements CreatedProjectRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PROJECT_STATES }) state: ProjectState;
}
