import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import {
  ReportStatus,
  ReportTargetType,
  type AuditEntryResponse,
  type CreateReportRequest,
  type ModerationDecisionRequest,
  type ReportResponse,
} from '@app/shared';
import { NoControlChars, Trim } from '../../../common/http/dto-fields';
import { PagingDto } from '../../../common/http/paging.dto';
import { ProposalDetailDto } from '../../proposals/dto/proposal.dto';

const TARGET_TYPES = Object.values(ReportTargetType);
const REPORT_STATUSES = Object.values(ReportStatus);
export const REPORT_REASON_MIN = 5;
export const REPORT_REASON_MAX = 1000;
export const DECISION_REASON_MAX = 1000;

export class CreateReportDto implements CreateReportRequest {
  @ApiProperty({ enum: TARGET_TYPES })
  @IsIn(TARGET_TYPES, { message: `$property must be one of: ${TARGET_TYPES.join(', ')}` })
  targetType: ReportTargetType;

  @ApiProperty({ format: 'uuid', description: 'The id of the proposal or comment' })
  @IsUUID('all')
  targetId: string;

  @ApiProperty({ minLength: REPORT_REASON_MIN, maxLength: REPORT_REASON_MAX, example: 'Beleidigt eine Nachbarin persönlich.' })
  @Trim()
  @IsString()
  @Length(REPORT_REASON_MIN, REPORT_REASON_MAX)
  @NoControlChars()
  reason: string;
}

/** What the reporting person gets back: their own report, nothing about other people's. */
export class OwnReportDto implements Pick<ReportResponse, 'id' | 'targetType' | 'targetId' | 'reason' | 'status' | 'createdAt'> {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TARGET_TYPES }) targetType: ReportTargetType;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ReportQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: REPORT_STATUSES, default: ReportStatus.Open })
  @IsOptional()
  @IsIn(REPORT_STATUSES, { message: `$property must be one of: ${REPORT_STATUSES.join(', ')}` })
  status?: ReportStatus;
}

export class ReportDto implements ReportResponse {
  @ApiProperty({ format: 'uuid', description: 'The latest report of this target' }) id: string;
  @ApiProperty({ enum: TARGET_TYPES }) targetType: ReportTargetType;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty() proposalTitle: string;
  @ApiProperty({ format: 'uuid' }) areaId: string;
  @ApiProperty({ description: 'The reported text as stored (title and body of a proposal, or the comment)' }) excerpt: string;
  @ApiProperty({ description: 'The reason of the latest report' }) reason: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ description: 'How many reports of this status the target has' }) reportCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiProperty() targetHidden: boolean;
}

export class ReportPageDto {
  @ApiProperty({ type: [ReportDto] }) items: ReportDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ModerationDecisionDto implements ModerationDecisionRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: DECISION_REASON_MAX,
    description: 'Why: public when hiding (shown in place of the content), kept in the audit log when restoring',
    example: 'Persönlicher Angriff entfernt (Netiquette Punkt 2).',
  })
  @Trim()
  @IsString()
  @Length(1, DECISION_REASON_MAX)
  @NoControlChars()
  reason: string;
}

export class ModerationResultDto {
  @ApiProperty({ enum: TARGET_TYPES }) targetType: ReportTargetType;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty() hidden: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) hiddenAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The public reason' }) hiddenReason: string | null;
  @ApiProperty({ description: 'How many open reports this decision resolved' }) resolvedReports: number;
}

export class ModeratedProposalDto extends ProposalDetailDto {
  @ApiProperty() hidden: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) hiddenAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The public reason' }) hiddenReason: string | null;
  @ApiProperty({ description: 'Open reports of the proposal itself' }) openReportCount: number;
}

export class AuditQueryDto extends PagingDto {
  @ApiPropertyOptional({ example: 'proposal' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entityType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  entityId?: string;
}

export class AuditEntryDto implements AuditEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Display name; null for deleted accounts and the system' })
  actorName: string | null;
  @ApiProperty({ example: 'comment.hidden' }) action: string;
  @ApiProperty({ example: 'comment' }) entityType: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) details: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
