import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
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
  EVALUATION_EVIDENCE_MAX,
  EVALUATION_EVIDENCE_MIN,
  EVALUATION_OUTCOMES,
  EvaluationOutcome,
  GUARD_RULES,
  Language,
  LANGUAGES,
  isCalendarDate,
  MILESTONE_TITLE_MAX,
  STATUS_REPORT_TEXT_MAX,
  STATUS_REPORT_TEXT_MIN,
  PATTERN_DESCRIPTION_MAX,
  PROJECT_EVENT_KINDS,
  PUBLIC_REASON_MAX,
  WORKFLOW_NAME_MAX,
  PROJECT_STATES,
  ProjectState,
  type ProjectEventKind,
  ProposalStatus,
  Role,
  TRANSITION_IDS,
  TransitionId,
  type AvailableProjectTransition,
  type CreateMilestoneRequest,
  type CreateProjectIdeaRequest,
  type CreateStatusReportRequest,
  type GroupingBoardQuery,
  type GroupingBoardResponse,
  type GroupingCandidate,
  type GroupingIdea,
  type GroupingSuggestion,
  type PortfolioCell,
  type PortfolioItem,
  type PortfolioQuery,
  type PortfolioResponse,
  type PortfolioStateAge,
  type ProjectMilestone,
  type ProjectStatusReport,
  type UpdateMilestoneRequest,
  type GuardRule,
  type LinkProposalRequest,
  type MissingField,
  type Page,
  type ProjectAreaRef,
  type ProjectDetail,
  type ProjectEvaluation,
  type ProjectEvaluationIndicator,
  type ProjectFieldRef,
  type ProjectLinkedProposal,
  type ProjectRef,
  type ProjectSummary,
  type ProjectTimelineEvent,
  type ProjectTransitionInput,
  type ProjectTransitionRequest,
  type ProjectTransitionResponse,
  type ProjectTransitionsResponse,
  type RecordEvaluationRequest,
} from '@app/shared';
import { NoControlChars, Optional, Trim } from '../../../common/http/dto-fields';
import { PagingDto } from '../../../common/http/paging.dto';

export const PROJECT_TITLE_MIN = 5;
export const PROJECT_TITLE_MAX = 200;
export const PROJECT_DESCRIPTION_MIN = 20;
export const PROJECT_DESCRIPTION_MAX = 5000;
export const PROJECT_AREAS_MAX = 20;
export const INDICATORS_MAX = 20;
export const MAX_VERSION = 1_000_000_000;

// ------------------------------------------------------------------ requests

export class CreateProjectIdeaDto implements CreateProjectIdeaRequest {
  @ApiProperty({ minLength: PROJECT_TITLE_MIN, maxLength: PROJECT_TITLE_MAX, example: 'Sitzgelegenheiten am Nordmarkt' })
  @Trim()
  @IsString()
  @Length(PROJECT_TITLE_MIN, PROJECT_TITLE_MAX)
  @NoControlChars()
  title: string;

  @ApiProperty({ minLength: PROJECT_DESCRIPTION_MIN, maxLength: PROJECT_DESCRIPTION_MAX })
  @Trim()
  @IsString()
  @Length(PROJECT_DESCRIPTION_MIN, PROJECT_DESCRIPTION_MAX)
  @NoControlChars()
  description: string;

  @ApiProperty({ format: 'uuid', description: 'The Handlungsfeld' })
  @IsUUID('all')
  fieldOfActionId: string;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: PROJECT_AREAS_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROJECT_AREAS_MAX)
  @IsUUID('all', { each: true })
  areaIds: string[];
}

export class LinkProposalDto implements LinkProposalRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'An online proposal (exactly one of proposalId and liveProposalId)' })
  @Optional()
  @IsUUID('all')
  proposalId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A proposal made in an assembly' })
  @Optional()
  @IsUUID('all')
  liveProposalId?: string;
}

/**
 * Text the workflow guards check (required, length, dates, money: 422 with `details`); the DTO only
 * refuses what is malformed (wrong type, far too long, control characters, not a date) with 400.
 */
const GuardText = (max: number, description: string) => (target: object, key: string) => {
  ApiPropertyOptional({ maxLength: max, description })(target, key);
  Optional()(target, key);
  Trim()(target, key);
  IsString()(target, key);
  MaxLength(max)(target, key);
  NoControlChars()(target, key);
};
const GuardDate = (description: string) => (target: object, key: string) => {
  ApiPropertyOptional({ format: 'date', example: '2026-03-01', description })(target, key);
  Optional()(target, key);
  IsString()(target, key);
  Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date in the form YYYY-MM-DD' })(target, key);
};

/** Every field a transition may ask for; which ones a transition requires is in libs/shared/src/workflow/transitions.ts. */
export class TransitionInputDto implements ProjectTransitionInput {
  @GuardText(WORKFLOW_NAME_MAX, 'Träger (single project)') operatorName?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Aktionsraum (single project)' })
  @Optional()
  @IsUUID('all')
  areaId?: string;

  @GuardDate('start date (single project)') startDate?: string;
  @GuardDate('planned end date (single project, optional)') endDate?: string;
  @GuardText(WORKFLOW_NAME_MAX, 'funding source (single project)') fundingSource?: string;

  @ApiPropertyOptional({ description: 'Euro cents (single project)', example: 500000 })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  fundingAmountCents?: number;

  @GuardText(PATTERN_DESCRIPTION_MAX, 'pattern description (project type)') patternDescription?: string;
  @GuardText(WORKFLOW_NAME_MAX, 'responsible department (regular operation)') responsibleDepartment?: string;
  @GuardText(WORKFLOW_NAME_MAX, 'budget line (regular operation)') budgetLine?: string;
  @GuardText(WORKFLOW_NAME_MAX, 'deciding body (regular operation)') decisionBody?: string;
  @GuardText(WORKFLOW_NAME_MAX, 'decision number (regular operation)') decisionNumber?: string;
  @GuardDate('decision date (regular operation)') decisionDate?: string;
  @GuardText(PUBLIC_REASON_MAX, 'public reason (reject, park, resume, end)') reason?: string;
}

export class TransitionRequestDto implements ProjectTransitionRequest {
  @ApiProperty({
    enum: TRANSITION_IDS,
    example: TransitionId.PromoteToSingleProject,
    description: 'A well-formed but unknown id is answered with 404',
  })
  @IsString()
  @Matches(/^[a-z_]{1,60}$/, { message: '$property must be a transition id (lower-case letters and underscores)' })
  transitionId: TransitionId;

  @ApiPropertyOptional({
    type: TransitionInputDto,
    description: 'The fields the transition requires (GET …/transitions lists what is missing)',
  })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => TransitionInputDto)
  input?: TransitionInputDto;

  @ApiProperty({ minimum: 1, description: 'The version the caller saw; a project changed meanwhile is refused with 409 CONFLICT' })
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  expectedVersion: number;
}

export class RecordEvaluationDto implements RecordEvaluationRequest {
  @ApiProperty({ enum: EVALUATION_OUTCOMES })
  @IsIn(EVALUATION_OUTCOMES as string[], { message: `$property must be one of: ${EVALUATION_OUTCOMES.join(', ')}` })
  outcome: EvaluationOutcome;

  @ApiProperty({ minLength: EVALUATION_EVIDENCE_MIN, maxLength: EVALUATION_EVIDENCE_MAX })
  @Trim()
  @IsString()
  @Length(EVALUATION_EVIDENCE_MIN, EVALUATION_EVIDENCE_MAX)
  @NoControlChars()
  evidence: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: INDICATORS_MAX,
    example: ['kinder_sgb2'],
    description: 'Social-report indicator keys',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(INDICATORS_MAX)
  @IsString({ each: true })
  @Matches(/^[a-z0-9_]{1,60}$/, { each: true, message: 'each indicator key must be 1 to 60 lower-case letters, digits or underscores' })
  indicatorKeys: string[];

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  expectedVersion: number;
}

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

/** A real calendar day "YYYY-MM-DD" (2026-02-30 is refused with 400). */
const CalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
      defaultMessage: () => '$property must be a calendar date in the form YYYY-MM-DD',
    },
  });

export class CreateMilestoneDto implements CreateMilestoneRequest {
  @ApiProperty({ minLength: 1, maxLength: MILESTONE_TITLE_MAX, example: 'Hochbeete gebaut' })
  @Trim()
  @IsString()
  @Length(1, MILESTONE_TITLE_MAX)
  @NoControlChars()
  title: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-06-30', description: 'Planned date; left out = not dated yet' })
  @Optional()
  @CalendarDate()
  dueDate?: string;
}

export class UpdateMilestoneDto implements UpdateMilestoneRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: MILESTONE_TITLE_MAX })
  @Optional()
  @Trim()
  @IsString()
  @Length(1, MILESTONE_TITLE_MAX)
  @NoControlChars()
  title?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'null clears the date' })
  @ValidateIf((_o: unknown, v: unknown) => v !== undefined && v !== null)
  @CalendarDate()
  dueDate?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The day it was reached (not in the future); null = open again',
  })
  @ValidateIf((_o: unknown, v: unknown) => v !== undefined && v !== null)
  @CalendarDate()
  reachedOn?: string | null;
}

export class CreateStatusReportDto implements CreateStatusReportRequest {
  @ApiProperty({
    format: 'date',
    example: '2026-05-31',
    description: 'The day the report describes: not in the future, not before the start',
  })
  @CalendarDate()
  reportDate: string;

  @ApiProperty({ minimum: 0, maximum: 100, example: 40, description: 'Whole percent' })
  @IsInt()
  @Min(0)
  @Max(100)
  progressPercent: number;

  @ApiProperty({ minLength: STATUS_REPORT_TEXT_MIN, maxLength: STATUS_REPORT_TEXT_MAX })
  @Trim()
  @IsString()
  @Length(STATUS_REPORT_TEXT_MIN, STATUS_REPORT_TEXT_MAX)
  @NoControlChars()
  text: string;
}

export class GroupingBoardQueryDto implements GroupingBoardQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'An area (and its sub-areas); exactly one of areaId and assemblyId' })
  @Optional()
  @IsUUID('all')
  areaId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An assembly (its approved live proposals)' })
  @Optional()
  @IsUUID('all')
  assemblyId?: string;
}

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
  @ApiPropertyOptional({ enum: LANGUAGES, description: "Language of the header row and labels (default: the caller's language)" })
  @Optional()
  @IsIn(LANGUAGES as string[], { message: `lang must be one of: ${LANGUAGES.join(', ')}` })
  lang?: Language;
}

// ------------------------------------------------------------------ responses

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

export class ProjectTransitionResponseDto implements ProjectTransitionResponse {
  @ApiProperty({ type: ProjectDetailDto }) project: ProjectDetailDto;
  @ApiProperty({ type: ProjectDetailDto, nullable: true, description: 'create_instance_from_type: the new single project' })
  created: ProjectDetailDto | null;
}

export class MissingFieldDto implements MissingField {
  @ApiProperty({ example: 'fundingAmountCents' }) field: string;
  @ApiProperty({ enum: GUARD_RULES }) rule: GuardRule;
  @ApiProperty() message: string;
  @ApiProperty({ enum: ['input', 'subject'] }) source: 'input' | 'subject';
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) params?: Record<string, string | number>;
}

export class AvailableProjectTransitionDto implements AvailableProjectTransition {
  @ApiProperty({ enum: TRANSITION_IDS }) transitionId: TransitionId;
  @ApiProperty() labelKey: string;
  @ApiProperty() action: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: PROJECT_STATES }) nextState: ProjectState;
  @ApiProperty() allowedForRole: boolean;
  @ApiProperty({ enum: Object.values(Role), isArray: true }) allowedRoles: Role[];
  @ApiProperty({ type: [MissingFieldDto] }) missing: MissingFieldDto[];
  @ApiProperty({ description: 'Something must be recorded on the project first' }) blocked: boolean;
  @ApiProperty() possible: boolean;
}

export class ProjectTransitionsResponseDto implements ProjectTransitionsResponse {
  @ApiProperty() version: number;
  @ApiProperty({ enum: PROJECT_STATES }) state: ProjectState;
  @ApiProperty({ type: [AvailableProjectTransitionDto] }) transitions: AvailableProjectTransitionDto[];
}

export class GroupingSuggestionDto implements GroupingSuggestion {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() title: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
}

export class GroupingCandidateDto implements GroupingCandidate {
  @ApiProperty({ enum: ['proposal', 'live_proposal'] }) kind: 'proposal' | 'live_proposal';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() excerpt: string;
  @ApiProperty({ type: String, nullable: true }) areaName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) fieldOfActionId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assemblyId: string | null;
  @ApiProperty() supportCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [GroupingSuggestionDto], description: 'At most 3, best first' }) suggestions: GroupingSuggestionDto[];
}

export class GroupingIdeaDto implements GroupingIdea {
  @ApiProperty({ type: ProjectSummaryDto }) project: ProjectSummaryDto;
  @ApiProperty({ type: [ProjectLinkedProposalDto] }) proposals: ProjectLinkedProposalDto[];
}

export class GroupingBoardResponseDto implements GroupingBoardResponse {
  @ApiProperty({ type: [GroupingCandidateDto] }) candidates: GroupingCandidateDto[];
  @ApiProperty({ type: [GroupingIdeaDto] }) ideas: GroupingIdeaDto[];
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
