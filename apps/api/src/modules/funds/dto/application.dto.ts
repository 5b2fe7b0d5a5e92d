import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsNumber, IsObject, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PUBLIC_REASON_MAX, Role, type ProposalAttachment } from '@app/shared';
import {
  APPLICATION_STATES,
  APPLICATION_TRANSITION_IDS,
  ApplicationState,
  ApplicationSource,
  ApplicationTransitionId,
  FundApplicantKind,
  PROOF_REPORT_MAX,
  type ApplicationContact,
  type ApplicationCostItem,
  type ApplicationDetail,
  type ApplicationProof,
  type ApplicationSummary,
  type ApplicationTimelineEvent,
  type CreateApplicationRequest,
  type MyApplicationSummary,
} from '@app/shared/funds';
import { PATCH } from '../../../common/http/dto-fields';
import { ProposalAttachmentDto } from '../../proposals/dto/proposal.dto';
import { CentsField, DateField, nullable, TextField } from './dto-fields';
import { FundAreaRefDto, FundSummaryDto } from './fund-summary.dto';

export const APPLICATION_TITLE_MIN = 3;
export const APPLICATION_TITLE_MAX = 200;
export const APPLICATION_PURPOSE_MIN = 10;
export const APPLICATION_PURPOSE_MAX = 5000;
export const COST_ITEMS_MAX = 30;
export const SOURCE_NOTE_MAX = 300;
const KINDS = Object.values(FundApplicantKind);

export class CostItemDto implements ApplicationCostItem {
  @TextField(1, 200, 'What the money buys, e.g. "Miete Festzelt"') label: string;
  @CentsField('Amount of this item', { min: 1 }) amountCents: number;
}

export class ContactDto implements ApplicationContact {
  @TextField(2, 200, 'Who to contact (private: applicant, moderators and administrators only)') name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 254, example: 'person@example.org' })
  @nullable()
  @MaxLength(254)
  @IsEmail({}, { message: '$property must be a valid email address' })
  email: string | null;

  @TextField(3, 60, 'Phone number', { nullable: true }) phone: string | null;
  @TextField(3, 300, 'Postal address', { nullable: true }) address: string | null;
}

export class CreateApplicationDto implements CreateApplicationRequest {
  @TextField(APPLICATION_TITLE_MIN, APPLICATION_TITLE_MAX, 'Title, e.g. "Nachbarschaftsfest am Nordmarkt"') title: string;
  @TextField(APPLICATION_PURPOSE_MIN, APPLICATION_PURPOSE_MAX, 'What the project does and for whom') purpose: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Handlungsfeld' })
  @nullable()
  @IsUUID('all')
  fieldOfActionId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'A Quartier of the fund’s Aktionsraum' })
  @nullable()
  @IsUUID('all')
  neighbourhoodId?: string | null;

  @ApiProperty({ type: [CostItemDto], minItems: 1, maxItems: COST_ITEMS_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COST_ITEMS_MAX)
  @ValidateNested({ each: true })
  @Type(() => CostItemDto)
  costItems: CostItemDto[];

  @CentsField('Requested amount: the sum of the cost items, at most the fund’s maximum per application', { min: 1 })
  requestedAmountCents: number;

  @DateField('Start of the project', { nullable: true }) startDate?: string | null;
  @DateField('End of the project', { nullable: true }) endDate?: string | null;

  @ApiProperty({ enum: KINDS }) @IsIn(KINDS) applicantKind: FundApplicantKind;
  @TextField(2, 200, 'Public name of who applies (a group’s or organisation’s name, or a person’s)') applicantName: string;

  @ApiProperty({ type: ContactDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact: ContactDto;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The proposal it starts from' })
  @nullable()
  @IsUUID('all')
  proposalId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The project idea it starts from' })
  @nullable()
  @IsUUID('all')
  projectIdeaId?: string | null;

  @TextField(3, SOURCE_NOTE_MAX, 'Moderators/administrators entering a paper application: from what, e.g. "Papierantrag vom 3. März"', {
    nullable: true,
  })
  sourceNote?: string | null;
}

export class UpdateApplicationDto extends PartialType(OmitType(CreateApplicationDto, ['sourceNote'] as const), PATCH) {}

/** Every field a transition may take; which ones it requires is in libs/shared/src/funds/application-transitions.ts (422 with details). */
export class ApplicationTransitionInputDto {
  @TextField(0, PUBLIC_REASON_MAX, 'Public reason (return, reject, lower amount, return proof, withdraw)', { nullable: true })
  reason?: string | null;

  @ApiPropertyOptional({ type: 'integer', description: 'approve: approved amount in whole cents' })
  @nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  approvedAmountCents?: number;

  @DateField('approve/reject: date of the decision', { nullable: true }) decisionDate?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'pay: paid amount in whole cents' })
  @nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  paidAmountCents?: number;

  @DateField('pay: date of payment', { nullable: true }) paidOn?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'submit_proof: amount spent in whole cents' })
  @nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  spentAmountCents?: number;

  @ApiPropertyOptional({ type: [CostItemDto], description: 'submit_proof: what was spent, by cost item; must add up to the amount spent' })
  @nullable()
  @IsArray()
  @ArrayMaxSize(COST_ITEMS_MAX)
  @ValidateNested({ each: true })
  @Type(() => CostItemDto)
  spentItems?: CostItemDto[];

  @TextField(0, PROOF_REPORT_MAX, 'submit_proof: a short report', { nullable: true }) report?: string;
}

export class ApplicationSummaryDto implements ApplicationSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: APPLICATION_STATES }) state: ApplicationState;
  @ApiProperty({ enum: KINDS }) applicantKind: FundApplicantKind;
  @ApiProperty({ type: String, nullable: true, description: 'Null when a private person’s name was erased' }) applicantName: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) fieldOfActionId: string | null;
  @ApiProperty({ nullable: true, type: FundAreaRefDto }) neighbourhood: FundAreaRefDto | null;
  @ApiProperty({ type: 'integer' }) requestedAmountCents: number;
  @ApiProperty({ type: 'integer', nullable: true }) approvedAmountCents: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) paidAmountCents: number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

const EVENT_KINDS = [...APPLICATION_TRANSITION_IDS, 'created', 'project_created'];

export class ApplicationTimelineEventDto implements ApplicationTimelineEvent {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind: ApplicationTransitionId | 'created' | 'project_created';
  @ApiProperty({ enum: APPLICATION_STATES, nullable: true }) fromState: ApplicationState | null;
  @ApiProperty({ enum: APPLICATION_STATES }) toState: ApplicationState;
  @ApiProperty({ enum: [...Object.values(Role), 'applicant'] }) actorRole: Role | 'applicant';
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) data: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MyApplicationSummaryDto extends ApplicationSummaryDto implements MyApplicationSummary {
  @ApiProperty({ example: 'Aktionsraumfonds Nordmarkt 2026' }) fundTitle: string;
  @ApiProperty({ type: ApplicationTimelineEventDto, nullable: true, description: 'What happened last: state, date, role and reason' })
  lastStep: ApplicationTimelineEventDto | null;
}

export class ApplicationContactDto implements ApplicationContact {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
}

export class ApplicationProofDto implements ApplicationProof {
  @ApiProperty({ type: 'integer' }) spentAmountCents: number;
  @ApiProperty({ type: [CostItemDto] }) spentItems: CostItemDto[];
  @ApiProperty() report: string;
  @ApiProperty({ type: 'integer', nullable: true }) returnedAmountCents: number | null;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: [ProposalAttachmentDto] }) attachments: ProposalAttachment[];
}

export class ApplicationProjectRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() state: string;
}

export class ApplicationDetailDto extends ApplicationSummaryDto implements ApplicationDetail {
  @ApiProperty({ type: FundSummaryDto }) fund: FundSummaryDto;
  @ApiProperty() purpose: string;
  @ApiProperty({ type: [CostItemDto] }) costItems: CostItemDto[];
  @ApiProperty({ format: 'date', nullable: true, type: String }) startDate: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) endDate: string | null;
  @ApiProperty({ enum: Object.values(ApplicationSource) }) source: ApplicationSource;
  @ApiProperty({ nullable: true, type: String }) sourceNote: string | null;
  @ApiProperty({ type: ApplicationContactDto, nullable: true, description: 'Only for the applicant, moderators and administrators' })
  contact: ApplicationContactDto | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) proposalId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) projectIdeaId: string | null;
  @ApiProperty({ type: ApplicationProjectRefDto, nullable: true }) project: ApplicationDetail['project'];
  @ApiProperty({ type: [ProposalAttachmentDto] }) attachments: ProposalAttachment[];
  @ApiProperty({ type: ApplicationProofDto, nullable: true }) proof: ApplicationProofDto | null;
  @ApiProperty({ type: [ApplicationTimelineEventDto] }) timeline: ApplicationTimelineEventDto[];
  @ApiProperty({ enum: APPLICATION_TRANSITION_IDS, isArray: true }) allowedTransitions: ApplicationTransitionId[];
  @ApiProperty() isApplicant: boolean;
}
