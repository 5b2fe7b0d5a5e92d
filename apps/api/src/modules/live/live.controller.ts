import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/shared';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import type { AuthenticatedRequest } from '../../common/auth/request';
import { ApiErrors } from '../../common/http/api-errors';
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
      'Join an assembly by code or id: with the account signed in, or as a named guest (device credential returned once); joining again returns the same participant; a check-in code marks presence in the hall',
  })
  @ApiOkResponse({ type: JoinAssemblyResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  async join(@Req() req: AuthenticatedRequest, @Body() dto: JoinAssemblyDto): Promise<JoinAssemblyResponseDto> {
    const result = await this.joins.join(req.user, dto);
    this.broadcaster.changed(result.assemblyId);
    return result;
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
