import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsUUID, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import {
  FundDecisionMode,
  type AgendaApplication,
  type CreateFundRequest,
  type FundDecision,
  type FundDecisionLine,
  type FundDecisionRequest,
  type FundDetail,
} from '@app/shared/funds';
import { PATCH } from '../../../common/http/dto-fields';
import { ApplicationSummaryDto } from './application.dto';
import { FundSummaryDto } from './fund-summary.dto';
import { CentsField, DateField, FUND_AMOUNT_MAX_CENTS, nullable, TextField } from './dto-fields';

export const FUND_DESCRIPTION_MAX = 5000;
export const DECISION_NOTE_MAX = 2000;
export const DECISION_LINES_MAX = 200;
const MODES = Object.values(FundDecisionMode);

export class CreateFundDto implements CreateFundRequest {
  @ApiProperty({ format: 'uuid', description: 'An Aktionsraum (area of type action_area)' })
  @IsUUID('all')
  areaId: string;

  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @CentsField('The fund’s amount', { min: 1 }) amountCents: number;
  @CentsField('The most one application may be granted', { min: 1 }) maxPerApplicationCents: number;
  @DateField('First day applications are taken') applicationStart: string;
  @DateField('Last day applications are taken (inclusive)') applicationEnd: string;
  @DateField('Date of the project conference', { nullable: true }) conferenceDate?: string | null;
  @TextField(1, FUND_DESCRIPTION_MAX, 'What the fund is for, in the area’s words', { nullable: true }) description?: string | null;
}

export class UpdateFundDto extends PartialType(OmitType(CreateFundDto, ['areaId', 'year'] as const), PATCH) {}

export class FundListQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100 })
  @nullable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @nullable()
  @IsUUID('all')
  areaId?: string;
}

export class FundDecisionInfoDto implements FundDecision {
  @ApiProperty({ enum: MODES }) mode: FundDecisionMode;
  @ApiProperty({ format: 'date', description: 'The day of the decision' }) decisionDate: string;
  @ApiProperty({ format: 'date-time', description: 'When it was recorded' }) decidedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) roundId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assemblyId: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class FundDetailDto extends FundSummaryDto implements FundDetail {
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: FundDecisionInfoDto, nullable: true }) decision: FundDecisionInfoDto | null;
  @ApiProperty({ type: [ApplicationSummaryDto] }) applications: ApplicationSummaryDto[];
}

export class FundDecisionLineDto implements FundDecisionLine {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') applicationId: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    maximum: FUND_AMOUNT_MAX_CENTS,
    description: 'Approved amount in whole cents; null rejects the application',
  })
  @ValidateIf((_o: unknown, v: unknown) => v !== null)
  @IsInt({ message: '$property must be a whole number of euro cents, or null to reject' })
  @Min(0, { message: '$property cannot be negative' })
  @Max(FUND_AMOUNT_MAX_CENTS)
  approvedAmountCents: number | null;

  @TextField(1, 2000, 'Public reason (required for a lower amount and for a rejection)', { nullable: true }) reason?: string | null;
}

export class FundDecisionDto implements FundDecisionRequest {
  @ApiProperty({ enum: MODES }) @IsIn(MODES) mode: FundDecisionMode;
  @DateField('Date of the decision (not in the future)') decisionDate: string;

  @ApiProperty({ type: [FundDecisionLineDto], minItems: 1, maxItems: DECISION_LINES_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DECISION_LINES_MAX)
  @ValidateNested({ each: true })
  @Type(() => FundDecisionLineDto)
  lines: FundDecisionLineDto[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The live round that decided it' })
  @nullable()
  @IsUUID('all')
  roundId?: string | null;

  @TextField(1, DECISION_NOTE_MAX, 'A note on the decision', { nullable: true }) note?: string | null;
}

export class AgendaApplicationDto implements AgendaApplication {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer' }) requestedAmountCents: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
}
