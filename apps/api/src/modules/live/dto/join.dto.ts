import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsString, IsUUID, Length, MaxLength } from 'class-validator';
import {
  GUEST_NAME_MAX,
  Presence,
  type JoinAssemblyRequest,
  type JoinAssemblyResponse,
  type ParticipantList,
  type ParticipantListItem,
  type ParticipantSelf,
} from '@app/shared';
import { NoControlChars, Optional, Trim } from '../../../common/http/dto-fields';

const upperTrim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase().replace(/[\s-]/g, '') : value));

export class JoinAssemblyDto implements JoinAssemblyRequest {
  @ApiPropertyOptional({ description: 'The join code from the projector or the QR code', example: 'K7M3QX', maxLength: 12 })
  @Optional()
  @upperTrim()
  @IsString()
  @Length(1, 12)
  code?: string;

  @ApiPropertyOptional({ description: 'Join by id (online, from the detail page) instead of the code', format: 'uuid' })
  @Optional()
  @IsUUID()
  assemblyId?: string;

  @ApiPropertyOptional({ description: 'Guests: the name shown to others', maxLength: GUEST_NAME_MAX, example: 'Anna aus der Südstadt' })
  @Optional()
  @Trim()
  @IsString()
  @Length(1, GUEST_NAME_MAX)
  @NoControlChars()
  displayName?: string;

  @ApiPropertyOptional({
    description:
      'The code of a personal check-in card (printed sheet or door; 10 characters, dashes and spaces ignored): admits to binding votes, moves from another device',
    example: 'K7M3Q-X9PRT',
    maxLength: 20,
  })
  @Optional()
  @upperTrim()
  @IsString()
  @Length(1, 20)
  card?: string;

  @ApiPropertyOptional({ description: 'Guests joining again on the same device: their device credential' })
  @Optional()
  @IsString()
  @MaxLength(200)
  guestToken?: string;
}

export class ParticipantSelfDto implements ParticipantSelf {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: Presence }) presence: Presence;
  @ApiProperty() checkedIn: boolean;
  @ApiProperty() isGuest: boolean;
}

export class JoinAssemblyResponseDto implements JoinAssemblyResponse {
  @ApiProperty({ format: 'uuid' }) assemblyId: string;
  @ApiProperty({ type: ParticipantSelfDto }) @Type(() => ParticipantSelfDto) participant: ParticipantSelfDto;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Guests only, once when the guest is created: the device credential (send it in the socket handshake)',
  })
  guestToken: string | null;
}

export class ParticipantListItemDto extends ParticipantSelfDto implements ParticipantListItem {
  @ApiProperty({ format: 'date-time' }) joinedAt: string;
}

export class ParticipantCountsDto {
  @ApiProperty() hall: number;
  @ApiProperty() online: number;
  @ApiProperty() total: number;
  @ApiProperty() checkedIn: number;
}

export class ParticipantListDto implements ParticipantList {
  @ApiProperty({ type: [ParticipantListItemDto] }) items: ParticipantListItemDto[];
  @ApiProperty({ type: ParticipantCountsDto }) counts: ParticipantCountsDto;
}
