import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsLatitude,
  IsNumber,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  AREA_TYPES,
  ATTACHMENT_DESCRIPTION_MAX,
  ATTACHMENT_MIME_TYPES,
  AreaType,
  type AttachmentMimeType,
  type ProposalAttachment,
  type SupportLimitInfo,
  type UploadAttachmentRequest,
  LANGUAGES,
  Language,
  PROPOSAL_BODY_MAX,
  PROPOSAL_BODY_MIN,
  PROPOSAL_SORTS,
  PROPOSAL_STATUSES,
  ProposalStatusNoteKind,
  PROPOSAL_TITLE_MAX,
  PROPOSAL_TITLE_MIN,
  ProposalSort,
  ProposalStatus,
  ROLES,
  Role,
  type CreateProposalOnBehalfRequest,
  type CreateProposalRequest,
  type ProposalDetail,
  type ProposalProjectRef,
  type ProposalSummary,
  type ProposalTranslation,
  PROJECT_STATES,
  type SimilarProposal,
  type SupportResponse,
} from '@app/shared';
import { PagingDto } from '../../../common/http/paging.dto';
import { NoControlChars, Optional, PATCH, Trim, WrittenInField } from '../../../common/http/dto-fields';
import { LocalizedNameDto } from '../../fields-of-action/dto/field-of-action.dto';

const nullable = () => ValidateIf((_o: unknown, v: unknown) => v !== undefined && v !== null);

export class CreateProposalDto implements CreateProposalRequest {
  @ApiProperty({ minLength: PROPOSAL_TITLE_MIN, maxLength: PROPOSAL_TITLE_MAX, example: 'Mehr Sitzbänke am Nordmarkt' })
  @Trim()
  @IsString()
  @Length(PROPOSAL_TITLE_MIN, PROPOSAL_TITLE_MAX)
  @NoControlChars()
  title: string;

  @ApiProperty({
    minLength: PROPOSAL_BODY_MIN,
    maxLength: PROPOSAL_BODY_MAX,
    description: 'Plain text; blank lines separate paragraphs, "- " starts a list item',
  })
  @Trim()
  @IsString()
  @Length(PROPOSAL_BODY_MIN, PROPOSAL_BODY_MAX)
  @NoControlChars()
  body: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID('all') fieldOfActionId: string;

  @ApiProperty({ format: 'uuid', description: 'An Aktionsraum or a Quartier valid today' }) @IsUUID('all') areaId: string;

  @WrittenInField('proposal') language?: Language;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: -90, maximum: 90 })
  @nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'latitude must be a number (not text) between -90 and 90' })
  @IsLatitude({ message: 'latitude must be a number between -90 and 90' })
  latitude?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: -180, maximum: 180 })
  @nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'longitude must be a number (not text) between -180 and 180' })
  @IsLongitude({ message: 'longitude must be a number between -180 and 180' })
  longitude?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200, example: 'Nordmarkt, Ecke Mallinckrodtstraße' })
  @nullable()
  @Trim()
  @IsString()
  @MaxLength(200)
  @NoControlChars()
  address?: string | null;
}

export class CreateProposalOnBehalfDto extends CreateProposalDto implements CreateProposalOnBehalfRequest {
  @ApiProperty({ maxLength: 300, example: 'Karte aus der Bürgerversammlung Nordmarkt, 12.03.2026' })
  @Trim()
  @IsString()
  @Length(3, 300)
  @NoControlChars()
  sourceNote: string;
}

export class UpdateProposalDto extends PartialType(OmitType(CreateProposalDto, ['language'] as const), PATCH) {}

export class WithdrawProposalDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Shown publicly in the proposal history' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  @NoControlChars()
  reason?: string;
}

export class ProposalListQueryDto extends PagingDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') areaId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') fieldOfActionId?: string;
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES }) @IsOptional() @IsIn(PROPOSAL_STATUSES as string[]) status?: ProposalStatus;
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Only proposals written in this language' })
  @IsOptional()
  @IsIn(LANGUAGES as string[], { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;
  @ApiPropertyOptional({ maxLength: 100, description: 'Words to find in title or text' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ enum: PROPOSAL_SORTS, default: ProposalSort.Newest })
  @IsOptional()
  @IsIn(PROPOSAL_SORTS as string[])
  sort?: ProposalSort;
  @ApiPropertyOptional({ description: 'Seed for sort=random; the same seed gives the same order' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2147483647)
  seed?: number;
}

export class SimilarQueryDto {
  @ApiProperty({ minLength: 3, maxLength: 300, description: 'The title (and start of the text) being typed' })
  @Trim()
  @IsString()
  @Length(3, 300)
  text: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') areaId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') fieldOfActionId?: string;
}

class ProposalFieldRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalizedNameDto }) name: LocalizedNameDto;
}

class ProposalAreaRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AREA_TYPES }) type: AreaType;
}

class ProposalAuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
}

export class ProposalSummaryDto implements ProposalSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() excerpt: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty({ type: ProposalFieldRefDto }) fieldOfAction: ProposalFieldRefDto;
  @ApiProperty({ type: ProposalAreaRefDto }) area: ProposalAreaRefDto;
  @ApiProperty({ type: ProposalAuthorDto, nullable: true }) author: ProposalAuthorDto | null;
  @ApiProperty() submittedOnBehalf: boolean;
  @ApiProperty() supportCount: number;
  @ApiProperty() commentCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ enum: LANGUAGES, description: 'The language it is written in' }) language: Language;
}

class ProposalStatusNoteDto {
  @ApiProperty({ enum: Object.values(ProposalStatusNoteKind) }) kind: ProposalStatusNoteKind;
  @ApiProperty({ description: "The project idea's title, as written" }) title: string;
}

class ProposalStatusEventDto {
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty({ nullable: true, type: String, description: "A person's own words (official answer, withdrawal reason)" })
  explanation: string | null;
  @ApiProperty({
    type: ProposalStatusNoteDto,
    nullable: true,
    description: "The platform's own explanation of the step; clients write it in the reader's language",
  })
  note: ProposalStatusNoteDto | null;
  @ApiProperty({ enum: ROLES }) actorRole: Role;
  @ApiProperty({ format: 'date-time' }) at: string;
}

class ProposalLocationDto {
  @ApiProperty({ nullable: true, type: Number }) latitude: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude: number | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
}

class ProposalRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

class ProposalViewerDto {
  @ApiProperty() isAuthor: boolean;
  @ApiProperty() supported: boolean;
  @ApiProperty() canEdit: boolean;
  @ApiProperty() canWithdraw: boolean;
  @ApiProperty() canSupport: boolean;
  @ApiProperty({ description: 'May add and remove attachments (author while editable, or a moderator of the area)' }) canAttach: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'Supports left under the Aktionsraum limit; null without a limit' })
  supportsLeft: number | null;
}

export class ProposalAttachmentDto implements ProposalAttachment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ATTACHMENT_MIME_TYPES }) mimeType: AttachmentMimeType;
  @ApiProperty({ enum: ['image', 'document'] }) kind: 'image' | 'document';
  @ApiProperty({ description: 'Bytes as stored' }) size: number;
  @ApiProperty({ nullable: true, type: String, description: 'Alternative text (images) or short description' }) description: string | null;
  @ApiProperty({ nullable: true, type: Number }) width: number | null;
  @ApiProperty({ nullable: true, type: Number }) height: number | null;
  @ApiProperty() url: string;
  @ApiProperty({ nullable: true, type: String }) thumbnailUrl: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

class SupportLimitDto implements SupportLimitInfo {
  @ApiProperty({ format: 'uuid' }) areaId: string;
  @ApiProperty() areaName: string;
  @ApiProperty() limit: number;
}

/** The text fields of the multipart upload (the file itself arrives through multer, see the controller). */
export class UploadAttachmentDto implements UploadAttachmentRequest {
  @ApiPropertyOptional({ maxLength: ATTACHMENT_DESCRIPTION_MAX, description: 'Alternative text for an image, or what a document contains' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(ATTACHMENT_DESCRIPTION_MAX)
  @NoControlChars()
  description?: string;
}

export class AttachmentFileQueryDto {
  @ApiPropertyOptional({
    enum: ['original', 'thumbnail'],
    default: 'original',
    description: 'thumbnail: a small WebP preview (images only)',
  })
  @IsOptional()
  @IsIn(['original', 'thumbnail'])
  variant?: 'original' | 'thumbnail';
}

export class ProposalProjectRefDto implements ProposalProjectRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PROJECT_STATES }) state: string;
}

export class ProposalDetailDto extends ProposalSummaryDto implements ProposalDetail {
  @ApiProperty() body: string;
  @ApiProperty({ type: ProposalLocationDto, nullable: true }) location: ProposalLocationDto | null;
  @ApiProperty({ nullable: true, type: String }) sourceNote: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) editedAt: string | null;
  @ApiProperty({ type: [ProposalStatusEventDto] }) statusHistory: ProposalStatusEventDto[];
  @ApiProperty({ type: ProposalRefDto, nullable: true }) mergedInto: ProposalRefDto | null;
  @ApiProperty({ type: ProposalProjectRefDto, nullable: true, description: 'The project idea it was grouped into' })
  project: ProposalProjectRefDto | null;
  @ApiProperty({ type: [ProposalAttachmentDto] }) attachments: ProposalAttachmentDto[];
  @ApiProperty({ type: SupportLimitDto, nullable: true }) supportLimit: SupportLimitDto | null;
  @ApiProperty({ type: ProposalViewerDto }) viewer: ProposalViewerDto;
}

export class ProposalPageDto {
  @ApiProperty({ type: [ProposalSummaryDto] }) items: ProposalSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class SimilarProposalDto implements SimilarProposal {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty() supportCount: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
}

export class SupportResponseDto implements SupportResponse {
  @ApiProperty() supported: boolean;
  @ApiProperty() supportCount: number;
  @ApiProperty({ nullable: true, type: Number }) supportsLeft: number | null;
}

export class ProposalTranslationDto implements ProposalTranslation {
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ enum: LANGUAGES, description: 'The language the proposal is written in' }) sourceLanguage: Language;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
}
