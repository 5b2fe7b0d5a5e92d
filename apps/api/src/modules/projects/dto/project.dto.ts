import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import {
  EVALUATION_OUTCOMES,
  EvaluationOutcome,
  PROJECT_EVENT_KINDS,
  PROJECT_STATES,
  ProjectState,
  ProposalStatus,
  Role,
  TRANSITION_IDS,
  TransitionId,
  type Page,
  type ProjectAreaRef,
  type ProjectDetail,
  type ProjectEvaluation,
  type ProjectEvaluationIndicator,
  type ProjectEventKind,
  type ProjectFieldRef,
  type ProjectLinkedProposal,
  type ProjectMilestone,
  type ProjectRef,
  type ProjectStatusReport,
  type ProjectSummary,
  type ProjectTimelineEvent,
} from '@app/shared';
import { Optional } from '../../../common/http/dto-fields';
import { PagingDto } from '../../../common/http/paging.dto';

/** Reading projects: the list with its filters, a summary and the public detail with timeline and evaluation. */
export class ProjectListQueryDto extends PagingDto {
  @ApiPropertyOptional({
    enum: PROJECT_STATES,
    description: 'Default: the current projects (single project, project type, regular operation)',
  })
  @Optional()
  @IsIn(PROJECT_STATES as string[])
  state?: ProjectState;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all')
  fieldOfActionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The area or its sub-areas' })
  @Optional()
  @IsUUID('all')
  areaId?: string;
}

class LocalizedNameDto {
  @ApiProperty() de: string;
  @ApiProperty() en: string;
}

export class ProjectFieldRefDto implements ProjectFieldRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SZ' }) code: string;
  @ApiProperty({ type: LocalizedNameDto }) name: LocalizedNameDto;
}

export class ProjectAreaRefDto implements ProjectAreaRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ProjectRefDto implements ProjectRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PROJECT_STATES }) state: ProjectState;
}

export class ProjectSummaryDto implements ProjectSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PROJECT_STATES }) state: ProjectState;
  @ApiProperty({ enum: PROJECT_STATES, nullable: true }) parkedFrom: ProjectState | null;
  @ApiProperty({ type: ProjectFieldRefDto }) fieldOfAction: ProjectFieldRefDto;
  @ApiProperty({ type: [ProjectAreaRefDto] }) areas: ProjectAreaRefDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Department (regular operation) or Träger' }) responsibleBody: string | null;
  @ApiProperty({ enum: TRANSITION_IDS, nullable: true }) nextStep: TransitionId | null;
  @ApiProperty({ format: 'date-time' }) stateSince: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100, description: "The newest status report's progress" })
  progressPercent: number | null;
}

export class ProjectPageDto implements Page<ProjectSummary> {
  @ApiProperty({ type: [ProjectSummaryDto] }) items: ProjectSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ProjectLinkedProposalDto implements ProjectLinkedProposal {
  @ApiProperty({ format: 'uuid' }) linkId: string;
  @ApiProperty({ enum: ['proposal', 'live_proposal'] }) kind: 'proposal' | 'live_proposal';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: Object.values(ProposalStatus), nullable: true }) status: ProposalStatus | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assemblyId: string | null;
  @ApiProperty({ format: 'date-time' }) linkedAt: string;
}

export class ProjectTimelineEventDto implements ProjectTimelineEvent {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Orders the timeline' }) version: number;
  @ApiProperty({ enum: [...TRANSITION_IDS, ...PROJECT_EVENT_KINDS], description: 'A transition, or a grouping/evaluation step' })
  transitionId: TransitionId | ProjectEventKind;
  @ApiProperty({ enum: PROJECT_STATES, nullable: true }) fromState: ProjectState | null;
  @ApiProperty({ enum: PROJECT_STATES }) toState: ProjectState;
  @ApiProperty({ enum: Object.values(Role) }) actorRole: Role;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) data: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ProjectEvaluationIndicatorDto implements ProjectEvaluationIndicator {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedNameDto, nullable: true, description: 'Null when the indicator was deleted after the evaluation' })
  name: LocalizedNameDto | null;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
}

export class ProjectEvaluationDto implements ProjectEvaluation {
  @ApiProperty({ enum: EVALUATION_OUTCOMES }) outcome: EvaluationOutcome;
  @ApiProperty() evidence: string;
  @ApiProperty({ type: [String] }) indicatorKeys: string[];
  @ApiProperty({ type: [ProjectEvaluationIndicatorDto], description: "The same keys with the social report's names" })
  indicators: ProjectEvaluationIndicatorDto[];
  @ApiProperty({ format: 'date-time' }) evaluatedAt: string;
}

export class ProjectMilestoneDto implements ProjectMilestone {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) reachedOn: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ProjectStatusReportDto implements ProjectStatusReport {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) reportDate: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progressPercent: number;
  @ApiProperty() text: string;
  @ApiProperty({ enum: Object.values(Role) }) actorRole: Role;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ProjectDetailDto extends ProjectSummaryDto implements ProjectDetail {
  @ApiProperty() description: string;
  @ApiProperty({ description: 'Send it back as expectedVersion' }) version: number;
  @ApiProperty({ type: String, nullable: true }) operatorName: string | null;
  @ApiProperty({ type: ProjectAreaRefDto, nullable: true }) actionArea: ProjectAreaRefDto | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate: string | null;
  @ApiProperty({ type: String, nullable: true }) fundingSource: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Euro cents' }) fundingAmountCents: number | null;
  @ApiProperty({ type: String, nullable: true }) patternDescription: string | null;
  @ApiProperty({ type: String, nullable: true }) responsibleDepartment: string | null;
  @ApiProperty({ type: String, nullable: true }) budgetLine: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionBody: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNumber: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) decisionDate: string | null;
  @ApiProperty({ type: ProjectRefDto, nullable: true }) type: ProjectRefDto | null;
  @ApiProperty({ type: [ProjectRefDto] }) instances: ProjectRefDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: ProjectEvaluationDto, nullable: true }) evaluation: ProjectEvaluationDto | null;
  @ApiProperty({ type: [ProjectLinkedProposalDto] }) proposals: ProjectLinkedProposalDto[];
  @ApiProperty({ type: [ProjectTimelineEventDto] }) timeline: ProjectTimelineEventDto[];
  @ApiProperty({ type: [ProjectMilestoneDto], description: 'By due date, undated last' }) milestones: ProjectMilestoneDto[];
  @ApiProperty({ type: [ProjectStatusReportDto], description: 'Newest first' }) statusReports: ProjectStatusReportDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
