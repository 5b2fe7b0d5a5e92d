import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/shared';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import type { AuthenticatedRequest } from '../../common/auth/request';
import { ApiErrors } from '../../common/http/api-errors';
import { addressKey } from '../../common/http/attempt-limiter';
import { uuidPipe } from '../../common/http/pipes';
import { LiveBroadcaster } from '../../realtime/live-broadcaster';
import type { User } from '../users/user.entity';
import { JoinAssemblyDto, JoinAssemblyResponseDto, ParticipantListDto } from './dto/join.dto';
import { JoinService } from './join.service';

@ApiTags('assemblies')
@Controller('assemblies')
export class LiveController {
  constructor(
    private readonly joins: JoinService,
    private readonly broadcaster: LiveBroadcaster,
  ) {}

  @Post('join')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Join an assembly by code or id: with the account signed in, or as a named guest (device credential returned once); joining again returns the same participant; a check-in card (card) admits to binding votes and moves from another device (409 CHECK_IN_CARD_BUSY within 10 s of its last use, 403 CHECK_IN_CARD_REVOKED, 422 CHECK_IN_CARD_INVALID)',
  })
  @ApiOkResponse({ type: JoinAssemblyResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  async join(@Req() req: AuthenticatedRequest, @Body() dto: JoinAssemblyDto): Promise<JoinAssemblyResponseDto> {
    const { response, formerHolder } = await this.joins.join(req.user, dto, addressKey(req.ip));
    this.broadcaster.changed(response.assemblyId);
    if (formerHolder) this.broadcaster.meChanged([formerHolder]);
    return response;
  }

  @Get(':id/participants')
  @Roles(Role.Moderator)
  @ApiOperation({ summary: 'The participants of an assembly with counts (hall, online, checked in); its moderators only' })
  @ApiOkResponse({ type: ParticipantListDto })
  @ApiErrors(400, 401, 403, 404)
  participants(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<ParticipantListDto> {
    return this.joins.list(user, id);
  }
}
