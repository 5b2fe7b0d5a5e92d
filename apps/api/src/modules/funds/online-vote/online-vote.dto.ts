import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  ONLINE_VOTE_CODES_PER_REQUEST,
  type CastOnlineBallotRequest,
  type ConfirmOnlineVoteRequest,
  type FundOnlineVote,
  type IssueOnlineVoteCodesRequest,
  type OnlineBallotReceipt,
  type OnlineVoteItem,
  type OnlineVoteResult,
  type OnlineVoteStatus,
  type OpenOnlineVoteRequest,
} from '@app/shared/funds';
import { DECISION_LINES_MAX, DECISION_NOTE_MAX } from '../dto/fund.dto';
import { TextField } from '../dto/dto-fields';

/** A date-time with a time zone (Z or ±hh:mm), as the assemblies take it. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DateTimeField = (name: string, description: string) => (target: object, key: string) => {
  ApiProperty({ format: 'date-time', example: '2026-03-12T18:00:00Z', description })(target, key);
  IsString()(target, key);
  Matches(ISO_DATE_TIME, { message: `${name} must be an ISO date-time with a time zone, like 2026-03-12T18:00:00Z` })(target, key);
  IsDateString({ strict: true, strictSeparator: true }, { message: `${name} must be a real date and time` })(target, key);
};

export class OpenOnlineVoteDto implements OpenOnlineVoteRequest {
  @DateTimeField('startsAt', 'First moment ballots are taken') startsAt: string;
  @DateTimeField('endsAt', 'When the vote ends (after the start, in the future)') endsAt: string;
  @ApiProperty({ description: 'Binding: each ballot needs a personal voting code; consultative: one ballot per verified account' })
  @IsBoolean()
  binding: boolean;
}

export class IssueOnlineVoteCodesDto implements IssueOnlineVoteCodesRequest {
  @ApiProperty({ minimum: 1, maximum: ONLINE_VOTE_CODES_PER_REQUEST, example: 40, description: 'How many voting codes to print' })
  @IsInt()
  @Min(1)
  @Max(ONLINE_VOTE_CODES_PER_REQUEST)
  count: number;
}

export class CastOnlineBallotDto implements CastOnlineBallotRequest {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, description: 'The approved applications (their amounts within the budget)' })
  @IsArray()
  @ArrayMinSize(1, { message: 'applicationIds must approve at least one application' })
  @ArrayMaxSize(DECISION_LINES_MAX)
  @IsUUID('all', { each: true })
  applicationIds: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'ABCDE-FGHJK', description: 'The personal voting code (binding votes)' })
  @ValidateIf((_o: unknown, v: unknown) => v !== undefined && v !== null)
  @IsString()
  @Length(1, 40)
  code?: string | null;
}

export class ConfirmOnlineVoteDto implements ConfirmOnlineVoteRequest {
  @TextField(1, DECISION_NOTE_MAX, 'A note on the decision (default: the number of ballots and the money given)', { nullable: true })
  note?: string | null;
}

class OnlineVoteItemDto implements OnlineVoteItem {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer' }) amountCents: number;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
}

class OnlineVoteResultLineDto {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer' }) amountCents: number;
  @ApiProperty({ type: 'integer' }) votes: number;
  @ApiProperty({ type: 'integer' }) rank: number;
  @ApiProperty() funded: boolean;
  @ApiProperty({ enum: ['funded', 'does_not_fit', 'money_ran_out', 'no_votes'] }) outcome: OnlineVoteResult['lines'][number]['outcome'];
  @ApiProperty({ type: 'integer' }) remainingAfterCents: number;
  @ApiProperty({ type: [String] }) tiedWith: string[];
}

class OnlineVoteTieDto {
  @ApiProperty({ format: 'uuid' }) aboveId: string;
  @ApiProperty({ format: 'uuid' }) belowId: string;
  @ApiProperty({ type: 'integer' }) votes: number;
  @ApiProperty({ enum: ['smaller_amount', 'earlier_submission', 'id'] }) decidedBy: OnlineVoteResult['ties'][number]['decidedBy'];
  @ApiProperty() decisive: boolean;
}

class OnlineVoteResultDto implements OnlineVoteResult {
  @ApiProperty({ type: 'integer' }) allocatedCents: number;
  @ApiProperty({ type: 'integer' }) remainingCents: number;
  @ApiProperty({ type: [OnlineVoteResultLineDto] }) lines: OnlineVoteResultLineDto[];
  @ApiProperty({ type: [OnlineVoteTieDto] }) ties: OnlineVoteTieDto[];
}

export class FundOnlineVoteDto implements FundOnlineVote {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: ['upcoming', 'open', 'ended'] }) status: OnlineVoteStatus;
  @ApiProperty() binding: boolean;
  @ApiProperty({ type: 'integer' }) budgetCents: number;
  @ApiProperty({ type: [OnlineVoteItemDto] }) items: OnlineVoteItemDto[];
  @ApiProperty({ type: 'integer' }) ballotCount: number;
  @ApiProperty({ type: 'integer' }) codeCount: number;
  @ApiProperty({ type: OnlineVoteResultDto, nullable: true, description: 'Only after the end' }) result: OnlineVoteResultDto | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) confirmedAt: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) voted: boolean | null;
}

export class OnlineBallotReceiptDto implements OnlineBallotReceipt {
  @ApiProperty({ type: 'integer' }) ballotCount: number;
  @ApiProperty({ type: 'integer' }) sumCents: number;
}
