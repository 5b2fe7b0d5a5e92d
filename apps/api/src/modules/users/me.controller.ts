import { Body, Controller, Delete, Get, Header, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../common/auth/decorators';
import type { AuthenticatedRequest } from '../../common/auth/request';
import { ApiErrors } from '../../common/http/api-errors';
import { MessageDto } from '../auth/dto/auth.dto';
import { SessionService } from '../auth/session.service';
import { ChangeEmailDto, ChangePasswordDto, DeleteAccountDto, MeDto, UpdateProfileDto } from './dto/me.dto';
import { User } from './user.entity';
import { toMe } from './user.mapper';
import { UsersService } from './users.service';

/** The signed-in person's own account. Every route acts on the session's user only. */
@ApiTags('me')
@Controller('me')
@ApiErrors(401)
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My account' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: User): MeDto {
    return toMe(user);
  }

  @Patch()
  @ApiOperation({ summary: 'Change display name or language' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(400, 403, 429)
  async update(@CurrentUser() user: User, @Body() dto: UpdateProfileDto): Promise<MeDto> {
    return toMe(await this.users.updateProfile(user, dto));
  }

  @Post('email')
  @HttpCode(202)
  @ApiOperation({ summary: 'Change email address; a confirmation link goes to the new address' })
  @ApiAcceptedResponse({ type: MessageDto })
  @ApiErrors(400, 401, 403, 409, 429)
  async changeEmail(@CurrentUser() user: User, @Body() dto: ChangeEmailDto): Promise<MessageDto> {
    await this.users.requestEmailChange(user, dto);
    return { message: 'If the address can be used, we have sent a confirmation link to it. The change takes effect once you confirm it.' };
  }

  @Post('password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change password; signs out all other browsers' })
  @ApiOkResponse({ type: MessageDto })
  @ApiErrors(400, 401, 403, 429)
  async changePassword(@CurrentUser() user: User, @Body() dto: ChangePasswordDto, @Req() req: AuthenticatedRequest): Promise<MessageDto> {
    await this.users.changePassword(user, dto, req.sessionTokenHash);
    return { message: 'Your password has been changed.' };
  }

  @Get('export')
  @Header('Content-Disposition', 'attachment; filename="soziale-stadt-export.json"')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Download all data stored about me (DSGVO Art. 15/20)' })
  @ApiOkResponse({ description: 'JSON file with account, sessions and actions' })
  async export(@CurrentUser() user: User): Promise<Record<string, unknown>> {
    return this.users.export(user);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete my account (DSGVO Art. 17); public contributions stay as "Deleted account"' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 409, 429)
  async delete(@CurrentUser() user: User, @Body() dto: DeleteAccountDto, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.users.deleteAccount(user, dto.password);
    res.clearCookie(this.sessions.cookieName, { ...this.sessions.cookieOptions(), maxAge: undefined });
  }
}
