import { ApiProperty } from '@nestjs/swagger';
import { Language, type RegisterRequest, type VerifyEmailRequest } from '@app/shared';
import {
  CurrentPasswordField,
  DisplayNameField,
  EmailField,
  LanguageField,
  PasswordField,
  TokenField,
  ReturnPathField,
} from '../../../common/http/dto-fields';
import { MeDto } from '../../users/dto/me.dto';

export class RegisterDto implements RegisterRequest {
  @EmailField() email: string;
  @PasswordField() password: string;
  @DisplayNameField() displayName: string;
  @LanguageField() language?: Language;
  @ReturnPathField('The page to come back to after confirming the address; the mailed link carries it') returnTo?: string;
}

export class LoginDto {
  @EmailField() email: string;
  @CurrentPasswordField('Password') password: string;
}

export class VerifyEmailDto implements VerifyEmailRequest {
  @TokenField() token: string;
  @CurrentPasswordField('The password chosen when registering; needed only while several registrations wait for the address', true)
  password?: string;
}

export class EmailDto {
  @EmailField() email: string;
}

export class PasswordResetConfirmDto {
  @TokenField() token: string;
  @PasswordField('The new password') password: string;
}

export class MessageDto {
  @ApiProperty({ example: 'Done.' }) message: string;
}

export class LoginResponseDto {
  @ApiProperty({ type: () => MeDto }) user: MeDto;
}

export class SessionDto {
  @ApiProperty({ type: () => MeDto, nullable: true }) user: MeDto | null;
}
