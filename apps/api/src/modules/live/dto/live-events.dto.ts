import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
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
  AGENDA_ITEM_TITLE_MAX,
  AGENDA_ITEM_TYPES,
  BUDGET_MAX_CENTS,
  BUDGET_REF_MAX,
  LANGUAGES,
  LIVE_PROPOSAL_MAX,
  VOTING_OPTION_LABEL_MAX,
  VOTING_OPTIONS_MAX,
  VOTING_QUESTION_MAX,
  VOTING_TYPES,
  type AgendaItemType,
  type Language,
  type LiveProposalOnBehalfPayload,
  type SubmitLiveProposalPayload,
  type VotingType,
} from '@app/shared';
import { NoControlChars, Optional, Trim } from '../../../common/http/dto-fields';

/** Payloads of the socket events (LiveClientEvents), validated like HTTP bodies. */

export class EmptyPayloadDto {}

/** The language a live proposal is written in: may be left out (a default is taken), never null or another value. */
const WrittenIn = () => IsIn(LANGUAGES as string[], { message: `language must be one of: ${LANGUAGES.join(', ')}` });

export class SubmitProposalPayloadDto implements SubmitLiveProposalPayload {
  @Trim() @IsString() @Length(1, LIVE_PROPOSAL_MAX) @NoControlChars() text: string;
  @IsOptional() @IsUUID() agendaItemId?: string | null;
  @Optional() @WrittenIn() language?: Language;
}

export class SupportPayloadDto {
  @IsUUID() proposalId: string;
  @IsBoolean() support: boolean;
}

export class BallotPointsDto {
  @IsString() @MaxLength(36) optionId: string;
  @IsInt() @Min(0) @Max(1000) points: number;
}

export class CastBallotPayloadDto {
  @IsUUID() roundId: string;
  @IsOptional() @IsArray() @ArrayMaxSize(VOTING_OPTIONS_MAX) @IsString({ each: true }) @MaxLength(36, { each: true }) optionIds?: string[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(VOTING_OPTIONS_MAX)
  @ValidateNested({ each: true })
  @Type(() => BallotPointsDto)
  points?: BallotPointsDto[];
  @IsString()
  @Length(8, 64)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'idempotencyKey must contain only letters, digits, - and _ (e.g. a UUID)' })
  idempotencyKey: string;
}

export class SetStatusPayloadDto {
  @IsIn(['live', 'closed']) status: 'live' | 'closed';
}

export class SetItemPayloadDto {
  @ValidateIf((o: SetItemPayloadDto) => o.agendaItemId !== null) @IsUUID() agendaItemId: string | null;
}

export class AddItemPayloadDto {
  @Trim() @IsString() @Length(1, 200) @NoControlChars() title: string;
  @IsIn(AGENDA_ITEM_TYPES) type: AgendaItemType;
  @IsOptional() @Trim() @IsString() @MaxLength(2000) description?: string | null;
}

export class IntakePayloadDto {
  @IsBoolean() open: boolean;
}

export class ModeratePayloadDto {
  @IsUUID() proposalId: string;
  @IsIn(['approve', 'reject']) decision: 'approve' | 'reject';
}

export class OnBehalfPayloadDto implements LiveProposalOnBehalfPayload {
  @Trim() @IsString() @Length(1, LIVE_PROPOSAL_MAX) @NoControlChars() text: string;
  @Trim() @IsString() @Length(1, 300) @NoControlChars() sourceNote: string;
  @Optional() @WrittenIn() language?: Language;
}

/** A round's question and option labels in another language (checked against the round by the voting model: 422). */
export class RoundTranslationDto {
  @Trim() @IsString() @Length(1, VOTING_QUESTION_MAX) @NoControlChars() question: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(VOTING_OPTIONS_MAX)
  @IsString({ each: true })
  @Length(1, VOTING_OPTION_LABEL_MAX, { each: true })
  @NoControlChars({ each: true })
  options?: string[];
}

export class RoundTranslationInputDto extends RoundTranslationDto {
  @IsIn(LANGUAGES) language: Language;
}

export class BudgetItemDto {
  @Trim() @IsString() @Length(1, VOTING_OPTION_LABEL_MAX) @NoControlChars() label: string;
  @IsInt() @Min(1) @Max(BUDGET_MAX_CENTS) amountCents: number;
  @IsOptional() @Trim() @IsString() @Length(1, BUDGET_REF_MAX) @NoControlChars() refId?: string | null;
  @IsOptional() @IsISO8601() submittedAt?: string | null;
}

export class CreateRoundPayloadDto {
  @IsOptional() @IsUUID() agendaItemId?: string | null;
  @Trim() @IsString() @Length(1, VOTING_QUESTION_MAX) @NoControlChars() question: string;
  @IsIn(VOTING_TYPES) type: VotingType;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(VOTING_OPTIONS_MAX)
  @IsString({ each: true })
  @Length(1, VOTING_OPTION_LABEL_MAX, { each: true })
  options?: string[];
  @IsOptional() @IsInt() @Min(1) @Max(VOTING_OPTIONS_MAX) maxChoices?: number | null;
  @IsOptional() @IsInt() @Min(1) @Max(100) points?: number | null;
  @IsOptional() @IsInt() @Min(1) @Max(BUDGET_MAX_CENTS) budgetCents?: number | null;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(VOTING_OPTIONS_MAX)
  @ValidateNested({ each: true })
  @Type(() => BudgetItemDto)
  items?: BudgetItemDto[];
  @IsBoolean() secret: boolean;
  @IsOptional() @IsBoolean() requireCheckIn?: boolean;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LANGUAGES.length)
  @ValidateNested({ each: true })
  @Type(() => RoundTranslationInputDto)
  translations?: RoundTranslationInputDto[];
}

export class RoundTranslationPayloadDto {
  @IsUUID() roundId: string;
  @IsIn(LANGUAGES) language: Language;
  /** null removes the language's translation. */
  @ValidateIf((o: RoundTranslationPayloadDto) => o.translation !== null)
  @IsObject({ message: 'translation must be an object with question and options, or null to remove it' })
  @ValidateNested()
  @Type(() => RoundTranslationDto)
  translation: RoundTranslationDto | null;
}

export class ItemTranslationPayloadDto {
  @IsUUID() agendaItemId: string;
  @IsIn(LANGUAGES) language: Language;
  /** null removes the language's title. */
  @ValidateIf((o: ItemTranslationPayloadDto) => o.title !== null)
  @Trim()
  @IsString()
  @Length(1, AGENDA_ITEM_TITLE_MAX)
  @NoControlChars()
  title: string | null;
}

export class ProjectorLanguagePayloadDto {
  @ValidateIf((o: ProjectorLanguagePayloadDto) => o.language !== null) @IsIn(LANGUAGES) language: Language | null;
}

export class AgendaItemIdPayloadDto {
  @IsUUID() agendaItemId: string;
}

export class RoundIdPayloadDto {
  @IsUUID() roundId: string;
}

export class HallCountDto {
  @IsString() @MaxLength(36) optionId: string;
  @IsInt() @Min(0) @Max(1_000_000) count: number;
}

export class HallTallyPayloadDto {
  @IsUUID() roundId: string;
  @IsArray() @ArrayMaxSize(VOTING_OPTIONS_MAX) @ValidateNested({ each: true }) @Type(() => HallCountDto) counts: HallCountDto[];
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000) ballots?: number | null;
  @IsOptional() @Trim() @IsString() @MaxLength(300) @NoControlChars() note?: string | null;
}

export class SpeakerIdPayloadDto {
  @IsUUID() speakerId: string;
}

export class OrderSpeakersPayloadDto {
  @IsArray() @ArrayMaxSize(1000) @IsUUID(undefined, { each: true }) speakerIds: string[];
}

export class TimeLimitPayloadDto {
  @ValidateIf((o: TimeLimitPayloadDto) => o.seconds !== null) @IsInt() @Min(10) @Max(3600) seconds: number | null;
}
