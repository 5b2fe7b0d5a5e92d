import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import {
  AREA_TYPES,
  ASSEMBLY_STATUSES,
  INDICATOR_KEY_PATTERN,
  INDICATOR_YEAR_MIN,
  PROJECT_STATES,
  PROPOSAL_STATUSES,
  TARGET_YEAR_MAX,
  type AreaIndicatorSeries,
  type AreaProfileResponse,
  type AreaType,
  type AssemblyStatus,
  type CityOverviewResponse,
  type CityOverviewRow,
  type IndicatorPoint,
  type ParticipationCounts,
  type ParticipationRow,
  type ParticipationStatsResponse,
  type ProfileAssemblyItem,
  type ProfileProjectItem,
  type ProjectState,
  type ProposalStatus,
  type ReportAreaRef,
  type TargetProgress,
} from '@app/shared';
import { IndicatorDto, TargetDto, YearRangeQueryDto } from '../../indicators/dto/indicator.dto';
import { ProfileFundsDto } from './profile-funds.dto';

// ---- queries ----

export class ProfileQueryDto extends YearRangeQueryDto {}

export class OverviewQueryDto {
  @ApiPropertyOptional({ example: 'arbeitslosenrate', description: 'Default: the first indicator' })
  @IsOptional()
  @IsString()
  @Matches(INDICATOR_KEY_PATTERN, { message: 'indicator must be an indicator key' })
  indicator?: string;

  @ApiPropertyOptional({ example: 2024, description: 'Default: the latest year with values' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(INDICATOR_YEAR_MIN)
  @Max(TARGET_YEAR_MAX)
  year?: number;
}

export class ParticipationQueryDto {
  @ApiPropertyOptional({ example: '2025-01', description: 'First month (YYYY-MM); default 11 months before `to`' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12', description: 'Last month (YYYY-MM); default the current month' })
  @IsOptional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this area' })
  @IsOptional()
  @IsUUID('all', { message: 'areaId must be a UUID' })
  areaId?: string;
}

// ---- responses ----

export class ReportAreaRefDto implements ReportAreaRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ar-nordmarkt' }) code: string;
  @ApiProperty({ example: 'Nordmarkt' }) name: string;
  @ApiProperty({ enum: AREA_TYPES }) type: AreaType;
}

export class TargetProgressDto implements TargetProgress {
  @ApiProperty({ type: TargetDto }) target: TargetDto;
  @ApiProperty({ enum: ['area', 'city'] }) scope: 'area' | 'city';
  @ApiProperty({ type: Number, nullable: true }) latestYear: number | null;
  @ApiProperty({ type: Number, nullable: true }) latestValue: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'latestValue − target value, in the indicator unit' }) distance: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) met: boolean | null;
  @ApiProperty() overdue: boolean;
}

export class IndicatorPointDto implements IndicatorPoint {
  @ApiProperty() year: number;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The city-wide value of the year' }) cityValue: number | null;
}

class LatestValueDto {
  @ApiProperty() year: number;
  @ApiProperty() value: number;
}

export class AreaIndicatorSeriesDto implements AreaIndicatorSeries {
  @ApiProperty({ type: IndicatorDto }) indicator: IndicatorDto;
  @ApiProperty({ type: [IndicatorPointDto] }) points: IndicatorPointDto[];
  @ApiProperty({ type: LatestValueDto, nullable: true }) latest: LatestValueDto | null;
  @ApiProperty({ type: Number, nullable: true }) cityValueSameYear: number | null;
  @ApiProperty({ type: Number, nullable: true }) differenceToCity: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) worseThanCity: boolean | null;
  @ApiProperty({ type: [TargetProgressDto] }) targets: TargetProgressDto[];
}

class ProfileProjectItemDto implements ProfileProjectItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PROJECT_STATES }) state: ProjectState;
  @ApiProperty({ example: 'SZ' }) fieldOfActionCode: string;
}

class StateCountDto {
  @ApiProperty({ enum: PROJECT_STATES }) state: ProjectState;
  @ApiProperty() count: number;
}

class StateFieldCountDto extends StateCountDto {
  @ApiProperty({ example: 'EK' }) fieldOfActionCode: string;
}

class ProfileProjectsDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [StateCountDto] }) byState: StateCountDto[];
  @ApiProperty({ type: [StateFieldCountDto] }) byStateAndField: StateFieldCountDto[];
  @ApiProperty({ type: [ProfileProjectItemDto] }) items: ProfileProjectItemDto[];
}

class ProfileAssemblyItemDto implements ProfileAssemblyItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ enum: ASSEMBLY_STATUSES }) status: AssemblyStatus;
  @ApiProperty({ type: Number, nullable: true }) attendance: number | null;
}

class StatusCountDto {
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty() count: number;
}

class FieldCountDto {
  @ApiProperty({ example: 'AB' }) fieldOfActionCode: string;
  @ApiProperty() count: number;
}

class ProfileProposalsDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [StatusCountDto] }) byStatus: StatusCountDto[];
  @ApiProperty({ type: [FieldCountDto] }) byField: FieldCountDto[];
}

class ProfileAreaDto extends ReportAreaRefDto {
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo: string | null;
  @ApiProperty() current: boolean;
  @ApiProperty({ type: ReportAreaRefDto, nullable: true }) parent: ReportAreaRefDto | null;
  @ApiProperty({ type: [ReportAreaRefDto] }) children: ReportAreaRefDto[];
}

class YearRangeDto {
  @ApiProperty({ type: Number, nullable: true }) from: number | null;
  @ApiProperty({ type: Number, nullable: true }) to: number | null;
}

export class AreaProfileDto implements AreaProfileResponse {
  @ApiProperty({ type: ProfileAreaDto }) area: ProfileAreaDto;
  @ApiProperty({ type: YearRangeDto }) years: YearRangeDto;
  @ApiProperty({ type: [AreaIndicatorSeriesDto] }) indicators: AreaIndicatorSeriesDto[];
  @ApiProperty({ type: ProfileProjectsDto }) projects: ProfileProjectsDto;
  @ApiProperty({ type: [ProfileAssemblyItemDto], description: 'Public assemblies only' }) assemblies: ProfileAssemblyItemDto[];
  @ApiProperty({ type: ProfileProposalsDto }) proposals: ProfileProposalsDto;
  @ApiProperty({ type: ProfileFundsDto, description: 'The area’s Aktionsraumfonds and what they financed' }) funds: ProfileFundsDto;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
}

class OverviewAreaDto extends ReportAreaRefDto {
  @ApiProperty({ type: String, nullable: true, example: 'Innenstadt-Nord' }) parentName: string | null;
}

export class CityOverviewRowDto implements CityOverviewRow {
  @ApiProperty({ type: OverviewAreaDto }) area: OverviewAreaDto;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) differenceToCity: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) worseThanCity: boolean | null;
  @ApiProperty({ type: Number, nullable: true, description: '1 = greatest need; ties share a rank' }) needRank: number | null;
  @ApiProperty() currentProjects: number;
}

export class CityOverviewDto implements CityOverviewResponse {
  @ApiProperty({ type: IndicatorDto }) indicator: IndicatorDto;
  @ApiProperty({ type: Number, nullable: true }) year: number | null;
  @ApiProperty({ type: [Number] }) availableYears: number[];
  @ApiProperty({ type: Number, nullable: true }) cityValue: number | null;
  @ApiProperty({ type: Number, nullable: true }) actionAreaMean: number | null;
  @ApiProperty({ type: [CityOverviewRowDto] }) rows: CityOverviewRowDto[];
  @ApiProperty({ type: [TargetProgressDto] }) targets: TargetProgressDto[];
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
}

class ParticipationCountsDto implements ParticipationCounts {
  @ApiProperty({ description: 'Visible proposals created' }) proposals: number;
  @ApiProperty({ description: 'Supports given to visible proposals' }) supports: number;
  @ApiProperty({ description: 'Visible comments on visible proposals' }) comments: number;
  @ApiProperty({ description: 'Public assemblies starting in the month' }) assemblies: number;
  @ApiProperty({ description: 'Participants of those assemblies (hall and online)' }) attendance: number;
  @ApiProperty({ description: 'Participants checked in at the door' }) checkedIn: number;
}

export class ParticipationRowDto extends ParticipationCountsDto implements ParticipationRow {
  @ApiProperty({ type: ReportAreaRefDto }) area: ReportAreaRefDto;
  @ApiProperty({ example: '2025-03' }) month: string;
}

class ParticipationMonthDto extends ParticipationCountsDto {
  @ApiProperty({ example: '2025-03' }) month: string;
}

class ParticipationAreaDto extends ParticipationCountsDto {
  @ApiProperty({ type: ReportAreaRefDto }) area: ReportAreaRefDto;
}

export class ParticipationStatsDto implements ParticipationStatsResponse {
  @ApiProperty({ example: '2025-01' }) from: string;
  @ApiProperty({ example: '2025-12' }) to: string;
  @ApiProperty({ type: [String] }) months: string[];
  @ApiProperty({ type: [ParticipationRowDto] }) rows: ParticipationRowDto[];
  @ApiProperty({ type: [ParticipationMonthDto] }) byMonth: ParticipationMonthDto[];
  @ApiProperty({ type: [ParticipationAreaDto] }) byArea: ParticipationAreaDto[];
  @ApiProperty({ type: ParticipationCountsDto }) totals: ParticipationCountsDto;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
}
