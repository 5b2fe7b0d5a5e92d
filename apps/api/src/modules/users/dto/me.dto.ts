import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  Language,
  LANGUAGES,
  Role,
  ROLES,
  type AdminUpdateUserRequest,
  type AdminUserResponse,
  type ChangeEmailRequest,
  type ChangePasswordRequest,
  type DeleteAccountRequest,
  type MeResponse,
  type PublicUserResponse,
  type UpdateProfileRequest,
} from '@app/shared';
import {
  CurrentPasswordField,
  DisplayNameField,
  EmailField,
  LanguageField,
  PasswordField,
  Optional,
  Trim,
} from '../../../common/http/dto-fields';
import { PagingDto } from '../../../common/http/paging.dto';

export class MeDto implements MeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: [String], description: 'Areas a moderator is scoped to; empty = all' }) moderatorAreaIds: string[];
  @ApiProperty() emailVerified: boolean;
  @ApiProperty({ nullable: true, type: String }) pendingEmail: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @DisplayNameField(true) displayName?: string;
  @LanguageField() language?: Language;
}

export class ChangeEmailDto implements ChangeEmailRequest {
  @EmailField('The new email address') newEmail: string;
  @CurrentPasswordField() currentPassword: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @CurrentPasswordField() currentPassword: string;
  @PasswordField('The new password') newPassword: string;
}

export class DeleteAccountDto implements DeleteAccountRequest {
  @CurrentPasswordField('Your password, to confirm') password: string;
}

export class PublicUserDto implements PublicUserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for a deleted account' }) displayName: string | null;
}

export class AdminUserDto implements AdminUserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: [String] }) moderatorAreaIds: string[];
  @ApiProperty() emailVerified: boolean;
  @ApiProperty() deleted: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AdminUserPageDto {
  @ApiProperty({ type: [AdminUserDto] }) items: AdminUserDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class AdminUserQueryDto extends PagingDto {
  @ApiPropertyOptional({ description: 'Search in email and display name' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES as string[])
  role?: Role;
}

export class AdminUpdateUserDto implements AdminUpdateUserRequest {
  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsIn(ROLES as string[], { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ type: [String], description: 'Areas a moderator may moderate; empty = all areas' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  moderatorAreaIds?: string[];
}
