import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import {
  LANGUAGES,
  Language,
  PROJECT_STATES,
  ProjectState,
  type PortfolioCell,
  type PortfolioItem,
  type PortfolioQuery,
  type PortfolioResponse,
  type PortfolioStateAge,
} from '@app/shared';
import { Optional } from '../../../common/http/dto-fields';
import { ProjectAreaRefDto, ProjectFieldRefDto, ProjectSummaryDto } from './project.dto';

/** The portfolio: projects by field of action and state, with the ages of their states. */
export class PortfolioQueryDto implements PortfolioQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all')
  fieldOfActionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The area and its sub-areas' })
  @Optional()
  @IsUUID('all')
  areaId?: string;

  @ApiPropertyOptional({ enum: PROJECT_STATES })
  @Optional()
  @IsIn(PROJECT_STATES as string[], { message: `$property must be one of: ${PROJECT_STATES.join(', ')}` })
  state?: ProjectState;
}

export class PortfolioExportQueryDto extends PortfolioQueryDto {
  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: "Language of the header row and labels: de, or en for every other language (default: the caller's language)",
  })
  @Optional()
  @IsIn(LANGUAGES as string[], { message: `lang must be one of: ${LANGUAGES.join(', ')}` })
  lang?: Language;
}

export class PortfolioItemDto extends ProjectSummaryDto implements PortfolioItem {
  @ApiProperty({ description: 'Whole days since the project entered its current state' }) daysInState: number;
}

export class PortfolioCellDto implements PortfolioCell {
  @ApiProperty({ format: 'uuid' }) fieldOfActionId: string;
  @ApiProperty({ format: 'uuid' }) areaId: string;
  @ApiProperty({ enum: PROJECT_STATES }) state: ProjectState;
  @ApiProperty() count: number;
}

export class PortfolioStateAgeDto implements PortfolioStateAge {
  @ApiProperty({ enum: PROJECT_STATES }) state: ProjectState;
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true }) medianDaysInState: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxDaysInState: number | null;
}

export class PortfolioResponseDto implements PortfolioResponse {
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: [ProjectFieldRefDto] }) fields: ProjectFieldRefDto[];
  @ApiProperty({ type: [ProjectAreaRefDto] }) areas: ProjectAreaRefDto[];
  @ApiProperty({ type: [PortfolioCellDto] }) cells: PortfolioCellDto[];
  @ApiProperty({ type: [PortfolioStateAgeDto], description: 'Every state, also with count 0' }) byState: PortfolioStateAgeDto[];
  @ApiProperty({ type: [PortfolioItemDto], description: 'Longest in their state first' }) items: PortfolioItemDto[];
  @ApiProperty() total: number;
}
