import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AGENDA_ITEM_TYPES,
  ASSEMBLY_STATUSES,
  ASSEMBLY_VISIBILITIES,
  AgendaItemType,
  AssemblyStatus,
  AssemblyVisibility,
  RegistrationStatus,
  VOTING_OPTIONS_MAX,
  VOTING_TYPES,
  VotingType,
  type AgendaItem,
  type AgendaItemInput,
  type AssemblyDetail,
  type AssemblyListQuery,
  type AssemblySummary,
  type CreateAssemblyRequest,
  type Page,
  type PreparedVote,
  type RegistrationResponse,
} from '@app/shared';
import { PagingDto } from '../../../common/http/paging.dto';
import { NoControlChars, Optional, PATCH, Trim } from '../../../common/http/dto-fields';

export const ASSEMBLY_TITLE_MIN = 3;
export const ASSEMBLY_TITLE_MAX = 200;
export const ASSEMBLY_PLACE_MIN = 2;
export const ASSEMBLY_PLACE_MAX = 300;
export const ASSEMBLY_DESCRIPTION_MAX = 5000;
export const ASSEMBLY_AREAS_MAX = 10;
export const ASSEMBLY_MODERATORS_MAX = 20;
export const ASSEMBLY_CAPACITY_MAX = 100000;
export const AGENDA_MAX = 50;
export const AGENDA_TITLE_MIN = 2;
export const AGENDA_TITLE_MAX = 200;
export const AGENDA_DESCRIPTION_MAX = 2000;

/** A date-time with a time zone (Z or ±hh:mm), e.g. 2026-03-12T18:00:00Z. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const nullable = () => ValidateIf((_o: unknown, v: unknown) => v !== undefined && v !== null);
const REGISTRATION_STATUSES = Object.values(RegistrationStatus);

const DateTimeField = (name: string, description: string) => (target: object, key: string) => {
  ApiProperty({ format: 'date-time', example: '2026-03-12T18:00:00Z', description })(target, key);
  IsString()(target, key);
  Matches(ISO_DATE_TIME, { message: `${name} must be an ISO date-time with a time zone, like 2026-03-12T18:00:00Z` })(target, key);
  IsDateString({ strict: true, strictSeparator: true }, { message: `${name} must be a real date and time` })(target, key);
};

/** The shape of a prepared vote; what fits the voting type is checked by the voting model when it is saved. */
export class PreparedVoteDto implements PreparedVote {
  @ApiProperty({ minLength: 1, maxLength: 300, example: 'Soll der Bürgergarten Westerfilde Geld aus dem Aktionsraumfonds bekommen?' })
  @Trim()
  @IsString()
  @Length(1, 300)
  @NoControlChars()
  question: string;

  @ApiProperty({ enum: VOTING_TYPES })
  @IsIn(VOTING_TYPES as string[], { message: `type must be one of: ${VOTING_TYPES.join(', ')}` })
  type: VotingType;

  @ApiProperty({ type: [String], maxItems: VOTING_OPTIONS_MAX, description: 'Labels; empty for yes/no/abstain (fixed options)' })
  @IsArray()
  @ArrayMaxSize(VOTING_OPTIONS_MAX)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  options: string[];

  @ApiProperty({ nullable: true, type: Number, description: 'Multiple choice: at most this many options' })
  @nullable()
  @IsInt()
  @Min(1)
  @Max(VOTING_OPTIONS_MAX)
  maxChoices: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Dot voting: points per participant' })
  @nullable()
  @IsInt()
  @Min(1)
  @Max(100)
  points: number | null;

  @ApiProperty() @IsBoolean() secret: boolean;

  @ApiProperty({ description: 'Binding: only checked-in participants may vote' })
  @IsBoolean()
  requireCheckIn: boolean;
}

export class AgendaItemInputDto implements AgendaItemInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'Present to keep (and update) an existing item; absent for a new one' })
  @Optional()
  @IsUUID('all')
  id?: string;

  @ApiProperty({ minLength: AGENDA_TITLE_MIN, maxLength: AGENDA_TITLE_MAX, example: 'Begrüßung und Bericht des Quartiersmanagements' })
  @Trim()
  @IsString()
  @Length(AGENDA_TITLE_MIN, AGENDA_TITLE_MAX)
  @NoControlChars()
  title: string;

  @ApiProperty({ enum: AGENDA_ITEM_TYPES })
  @IsIn(AGENDA_ITEM_TYPES as string[], { message: `type must be one of: ${AGENDA_ITEM_TYPES.join(', ')}` })
  type: AgendaItemType;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: AGENDA_DESCRIPTION_MAX })
  @nullable()
  @Trim()
  @IsString()
  @MaxLength(AGENDA_DESCRIPTION_MAX)
  @NoControlChars()
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, type: PreparedVoteDto, description: 'Only on items of type vote' })
  @nullable()
  @ValidateNested()
  @Type(() => PreparedVoteDto)
  vote?: PreparedVoteDto | null;
}

export class CreateAssemblyDto implements CreateAssemblyRequest {
  @ApiProperty({ minLength: ASSEMBLY_TITLE_MIN, maxLength: ASSEMBLY_TITLE_MAX, example: 'Bürgerversammlung Nordmarkt' })
  @Trim()
  @IsString()
  @Length(ASSEMBLY_TITLE_MIN, ASSEMBLY_TITLE_MAX)
  @NoControlChars()
  title: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: ASSEMBLY_DESCRIPTION_MAX })
  @nullable()
  @Trim()
  @IsString()
  @MaxLength(ASSEMBLY_DESCRIPTION_MAX)
  @NoControlChars()
  description?: string | null;

  @ApiProperty({
    minLength: ASSEMBLY_PLACE_MIN,
    maxLength: ASSEMBLY_PLACE_MAX,
    example: 'Nachbarschaftstreff Nordmarkt, Mallinckrodtstraße 1',
  })
  @Trim()
  @IsString()
  @Length(ASSEMBLY_PLACE_MIN, ASSEMBLY_PLACE_MAX)
  @NoControlChars()
  place: string;

  @DateTimeField('startsAt', 'Start (before endsAt)')
  startsAt: string;

  @DateTimeField('endsAt', 'End (after startsAt)')
  endsAt: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: ASSEMBLY_AREAS_MAX,
    description: 'Current Stadtbezirke, Aktionsräume or Quartiere; scoped moderators only their own',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ASSEMBLY_AREAS_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  areaIds: string[];

  @ApiPropertyOptional({ enum: ASSEMBLY_VISIBILITIES, default: AssemblyVisibility.Public })
  @Optional()
  @IsIn(ASSEMBLY_VISIBILITIES as string[], { message: `visibility must be one of: ${ASSEMBLY_VISIBILITIES.join(', ')}` })
  visibility?: AssemblyVisibility;

  @ApiPropertyOptional({ default: false, description: 'Guests (display name only) may not join' })
  @Optional()
  @IsBoolean()
  requireAccount?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'New voting rounds are binding by default: only holders of a check-in card may vote, one ballot per card',
  })
  @Optional()
  @IsBoolean()
  requireCheckIn?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Signed-in people may register beforehand' })
  @Optional()
  @IsBoolean()
  registrationEnabled?: boolean;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1, maximum: ASSEMBLY_CAPACITY_MAX, description: 'null: no limit' })
  @nullable()
  @IsInt({ message: 'capacity must be a whole number (or null for no limit)' })
  @Min(1)
  @Max(ASSEMBLY_CAPACITY_MAX)
  capacity?: number | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: ASSEMBLY_MODERATORS_MAX,
    description: 'Accounts that moderate this assembly (moderators or administrators)',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(ASSEMBLY_MODERATORS_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  moderatorIds?: string[];

  @ApiPropertyOptional({ type: [AgendaItemInputDto], maxItems: AGENDA_MAX, description: 'In order; on update it replaces the agenda' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(AGENDA_MAX)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInputDto)
  agenda?: AgendaItemInputDto[];
}

export class UpdateAssemblyDto extends PartialType(CreateAssemblyDto, PATCH) {}

export class AssemblyListQueryDto extends PagingDto implements AssemblyListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Assemblies in this area or its sub-areas' })
  @IsOptional()
  @IsUUID('all')
  areaId?: string;

  @ApiPropertyOptional({
    enum: ['upcoming', 'past'],
    default: 'upcoming',
    description: 'upcoming: not yet ended, soonest first; past: ended, latest first',
  })
  @IsOptional()
  @IsIn(['upcoming', 'past'])
  when?: 'upcoming' | 'past';
}

class AssemblyAreaRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class AssemblyRegistrationInfoDto {
  @ApiProperty() enabled: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'null: no limit' }) capacity: number | null;
  @ApiProperty() confirmed: number;
  @ApiProperty() waitlisted: number;
}

export class AssemblySummaryDto implements AssemblySummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() place: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: ASSEMBLY_STATUSES }) status: AssemblyStatus;
  @ApiProperty({ enum: ASSEMBLY_VISIBILITIES }) visibility: AssemblyVisibility;
  @ApiProperty({ type: [AssemblyAreaRefDto] }) areas: AssemblyAreaRefDto[];
  @ApiProperty({ type: AssemblyRegistrationInfoDto }) registration: AssemblyRegistrationInfoDto;
}

export class AgendaItemDto implements AgendaItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '1-based order' }) position: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: AGENDA_ITEM_TYPES }) type: AgendaItemType;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiPropertyOptional({ nullable: true, type: PreparedVoteDto, description: "Moderators only: the item's prepared vote" })
  vote?: PreparedVoteDto | null;
}

class AssemblyModeratorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
}

class AssemblyViewerDto {
  @ApiProperty() isModerator: boolean;
  @ApiProperty({ enum: REGISTRATION_STATUSES, nullable: true }) registration: RegistrationStatus | null;
  @ApiProperty({ nullable: true, type: Number, description: '1-based place on the waiting list, when waitlisted' })
  waitlistPosition: number | null;
  @ApiProperty({ description: 'Registration is open and the viewer is not registered yet (signing in is still needed to register)' })
  canRegister: boolean;
}

export class AssemblyDetailDto extends AssemblySummaryDto implements AssemblyDetail {
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: [AgendaItemDto] }) agenda: AgendaItemDto[];
  @ApiProperty({ example: 'K7M3QX' }) joinCode: string;
  @ApiProperty() requireAccount: boolean;
  @ApiProperty() requireCheckIn: boolean;
  @ApiProperty({ type: [AssemblyModeratorDto] }) moderators: AssemblyModeratorDto[];
  @ApiProperty({ type: AssemblyViewerDto }) viewer: AssemblyViewerDto;
}

export class AssemblyPageDto implements Page<AssemblySummary> {
  @ApiProperty({ type: [AssemblySummaryDto] }) items: AssemblySummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class RegistrationResponseDto implements RegistrationResponse {
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty({ nullable: true, type: Number, description: '1-based place on the waiting list, when waitlisted' })
  waitlistPosition: number | null;
}
