import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import { FollowResponseDto, UnsubscribeDto } from './dto/follow.dto';
import { FollowsService } from './follows.service';

@ApiTags('follows')
@Controller()
export class FollowsController {
  constructor(private readonly follows: FollowsService) {}

  @Get('proposals/:id/follow')
  @ApiOperation({ summary: 'Whether I get mails about this proposal (authors do unless they unsubscribed)' })
  @ApiOkResponse({ type: FollowResponseDto })
  @ApiErrors(400, 401, 404)
  status(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<FollowResponseDto> {
    return this.follows.status(user, id);
  }

  @Put('proposals/:id/follow')
  @ApiOperation({ summary: 'Follow a proposal: mails on official answers and merges' })
  @ApiOkResponse({ type: FollowResponseDto })
  @ApiErrors(400, 401, 403, 404, 429)
  follow(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<FollowResponseDto> {
    return this.follows.setFollowing(user, id, true);
  }

  @Delete('proposals/:id/follow')
  @ApiOperation({ summary: 'Stop following a proposal (also mutes mails about my own proposal)' })
  @ApiOkResponse({ type: FollowResponseDto })
  @ApiErrors(400, 401, 403, 404, 429)
  unfollow(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<FollowResponseDto> {
    return this.follows.setFollowing(user, id, false);
  }

  @Post('follows/unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Unsubscribe with the token from a notification mail (no sign-in needed)' })
  @ApiOkResponse({ type: FollowResponseDto })
  @ApiErrors(400, 403, 429)
  unsubscribe(@Body() dto: UnsubscribeDto): Promise<FollowResponseDto> {
    return this.follows.unsubscribe(dto.token);
  }
}
