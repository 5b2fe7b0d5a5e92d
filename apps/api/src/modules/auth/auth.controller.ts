import { Body, Controller, Get, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { negotiateLanguage } from '@app/shared';
import { AuthRateLimit, Public } from '../../common/auth/decorators';
import type { AuthenticatedRequest } from '../../common/auth/request';
import { ApiErrors } from '../../common/http/api-errors';
import { addressKey } from '../../common/http/attempt-limiter';
import { toMe } from '../users/user.mapper';
import { AuthService } from './auth.service';
import {
  EmailDto,
  LoginDto,
  LoginResponseDto,
  MessageDto,
  PasswordResetConfirmDto,
  RegisterDto,
  SessionDto,
  VerifyEmailDto,
} from './dto/auth.dto';
import { SessionService } from './session.service';

const CHECK_MAIL = 'If the address can be used, we have sent a mail to it. Please check your inbox (and spam folder).';

@ApiTags('auth')
@Controller('auth')
@Public()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Get('session')
  @ApiOperation({ summary: 'The signed-in user, or null; also sets the CSRF cookie' })
  @ApiOkResponse({ type: SessionDto })
  session(@Req() req: AuthenticatedRequest): SessionDto {
    return { user: req.user ? toMe(req.user) : null };
  }

  @Post('register')
  @AuthRateLimit()
  @ApiOperation({ summary: 'Create an account; a verification link is mailed' })
  @ApiCreatedResponse({ type: MessageDto })
  @ApiErrors(400, 403, 429)
  async register(@Body() dto: RegisterDto, @Headers('accept-language') acceptLanguage?: string): Promise<MessageDto> {
    // Without a chosen language the account (and its mails) follow the browser's languages.
    await this.auth.register({ ...dto, language: dto.language ?? negotiateLanguage(acceptLanguage) ?? undefined });
    return { message: CHECK_MAIL };
  }

  @Post('verify-email')
  @HttpCode(200)
  @AuthRateLimit()
  @ApiOperation({
    summary: 'Confirm an email address (registration or change) with the mailed token',
    description:
      'While several registrations wait for the address, the answer is 422 PASSWORD_REQUIRED until the password of one of them is sent along; five wrong passwords end the link.',
  })
  @ApiOkResponse({ type: MessageDto })
  @ApiErrors(400, 403, 409, 422, 429)
  async verifyEmail(@Body() dto: VerifyEmailDto): Promise<MessageDto> {
    await this.auth.verifyEmail(dto.token, dto.password);
    return { message: 'Your email address is confirmed.' };
  }

  @Post('resend-verification')
  @HttpCode(202)
  @AuthRateLimit()
  @ApiOperation({ summary: 'Send the verification link again' })
  @ApiAcceptedResponse({ type: MessageDto })
  @ApiErrors(400, 403, 429)
  async resendVerification(@Body() dto: EmailDto): Promise<MessageDto> {
    await this.auth.resendVerification(dto.email);
    return { message: CHECK_MAIL };
  }

  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in; sets the httpOnly session cookie',
    description:
      'Failed attempts are limited per account (10 per 15 minutes, then the account is locked until the window ends: 429 with Retry-After) and per client address (100 per 15 minutes, then wrong passwords are answered 429); successful sign-ins are not counted.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(400, 401, 403, 429)
  async login(@Req() req: Request, @Body() dto: LoginDto, @Res({ passthrough: true }) res: Response): Promise<LoginResponseDto> {
    const { user, token } = await this.auth.login(dto, addressKey(req.ip));
    res.cookie(this.sessions.cookieName, token, this.sessions.cookieOptions());
    return { user: toMe(user) };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out of this browser' })
  @ApiNoContentResponse()
  @ApiErrors(403)
  async logout(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (req.sessionTokenHash) await this.sessions.destroy(req.sessionTokenHash);
    res.clearCookie(this.sessions.cookieName, { ...this.sessions.cookieOptions(), maxAge: undefined });
  }

  @Post('password-reset/request')
  @HttpCode(202)
  @AuthRateLimit()
  @ApiOperation({ summary: 'Mail a password reset link' })
  @ApiAcceptedResponse({ type: MessageDto })
  @ApiErrors(400, 403, 429)
  async requestReset(@Body() dto: EmailDto): Promise<MessageDto> {
    await this.auth.requestPasswordReset(dto.email);
    return { message: CHECK_MAIL };
  }

  @Post('password-reset/confirm')
  @HttpCode(200)
  @AuthRateLimit()
  @ApiOperation({ summary: 'Set a new password with the mailed token; signs out everywhere' })
  @ApiOkResponse({ type: MessageDto })
  @ApiErrors(400, 403, 429)
  async confirmReset(@Body() dto: PasswordResetConfirmDto): Promise<MessageDto> {
    await this.auth.confirmPasswordReset(dto);
    return { message: 'Your password has been changed. Please sign in with the new password.' };
  }
}
