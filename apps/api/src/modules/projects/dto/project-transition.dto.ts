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
  ValidateNested,
} from 'class-validator';
import {
  EVALUATION_EVIDENCE_MAX,
  EVALUATION_EVIDENCE_MIN,
  EVALUATION_OUTCOMES,
  EvaluationOutcome,
  GUARD_RULES,
  PATTERN_DESCRIPTION_MAX,
  PROJECT_STATES,
  PUBLIC_REASON_MAX,
  ProjectState,
  Role,
  TRANSITION_IDS,
  TransitionId,
  WORKFLOW_NAME_MAX,
  type AvailableProjectTransition,
  type GuardRule,
  type MissingField,
  type ProjectTransitionInput,
  type ProjectTransitionRequest,
  type ProjectTransitionResponse,
  type ProjectTransitionsResponse,
  type RecordEvaluationRequest,
} from '@app/shared';
import { NoControlChars, Optional, Trim } from '../../../common/http/dto-fields';
import { ProjectDetailDto } from './project.dto';

/** Moving a project along the workflow: the transition request with its inputs, the evaluation, and the answers. */
export const INDICATORS_MAX = 20;
export const MAX_VERSION = 1_000_000_000;

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
