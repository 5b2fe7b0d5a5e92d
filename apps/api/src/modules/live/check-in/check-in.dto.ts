import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import {
  CHECK_IN_CARDS_PER_REQUEST,
  type CheckInCard,
  type CheckInCardList,
  type CheckInCardStatus,
  type CreateCheckInCardsRequest,
  type DoorCheckInRequest,
  type IssuedCheckInCard,
} from '@app/shared';
import { NoControlChars, Optional, Trim } from '../../../common/http/dto-fields';

export class CreateCheckInCardsDto implements CreateCheckInCardsRequest {
  @ApiProperty({ minimum: 1, maximum: CHECK_IN_CARDS_PER_REQUEST, example: 40, description: 'How many new cards to print' })
  @IsInt()
  @Min(1)
  @Max(CHECK_IN_CARDS_PER_REQUEST)
  count: number;
}

export class DoorCheckInDto implements DoorCheckInRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'A participant of the assembly (joined on a phone or online)' })
  @Optional()
  @IsUUID()
  participantId?: string;

  @ApiPropertyOptional({ maxLength: 80, description: 'Or: the name of a person without a phone (votes by hand in the hall)' })
  @Optional()
  @Trim()
  @IsString()
  @Length(1, 80)
  @NoControlChars()
  name?: string;
}

export class CardFormatQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'pdf'], default: 'json', description: 'pdf: the printable sheet instead of JSON' })
  @Optional()
  @IsIn(['json', 'pdf'])
  format?: 'json' | 'pdf';
}

const STATUSES: CheckInCardStatus[] = ['unused', 'held', 'revoked'];

export class CheckInCardDto implements CheckInCard {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Printed on the card' }) number: number;
  @ApiProperty({ enum: STATUSES }) status: CheckInCardStatus;
  @ApiProperty({ type: String, nullable: true, description: 'The holding participant, or the name given at the door' }) holder:
    string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) participantId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) claimedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt: string | null;
}

export class CheckInCardCountsDto {
  @ApiProperty() issued: number;
  @ApiProperty({ description: 'Eligible for binding votes' }) held: number;
  @ApiProperty() unused: number;
  @ApiProperty() revoked: number;
}

export class CheckInCardListDto implements CheckInCardList {
  @ApiProperty({ type: [CheckInCardDto] }) @Type(() => CheckInCardDto) items: CheckInCardDto[];
  @ApiProperty({ type: CheckInCardCountsDto }) counts: CheckInCardCountsDto;
}

export class IssuedCheckInCardDto implements IssuedCheckInCard {
  @ApiProperty({ type: CheckInCardDto }) card: CheckInCardDto;
  @ApiProperty({ description: 'The card code, returned this once (only its hash is stored)', example: 'K7M3QX9PRT' }) code: string;
  @ApiProperty({ description: 'What the QR code encodes: /join/JOINCODE?card=CODE' }) joinUrl: string;
}

export class IssuedCheckInCardsDto {
  @ApiProperty({ type: [IssuedCheckInCardDto] }) cards: IssuedCheckInCardDto[];
}

export class ReplacedCheckInCardDto {
  @ApiProperty({ type: IssuedCheckInCardDto, nullable: true, description: 'The new card (replace), or null (revoke only)' })
  replacement: IssuedCheckInCardDto | null;
}
