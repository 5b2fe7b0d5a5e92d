import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import { ProposalDetailDto } from '../proposals/dto/proposal.dto';
import type { User } from '../users/user.entity';
import { AnswersService } from './answers.service';
import { AnswerProposalDto, MergeProposalDto } from './dto/answer.dto';

@ApiTags('proposals')
@Controller('proposals')
export class AnswersController {
  constructor(private readonly answers: AnswersService) {}

  @Post(':id/answer')
  @Roles(Role.Moderator)
  @HttpCode(200)
  @ApiOperation({ summary: 'Official answer with a public explanation (moderator of the area); notifies author and followers' })
  @ApiOkResponse({ type: ProposalDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  answer(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: AnswerProposalDto): Promise<ProposalDetailDto> {
    return this.answers.answer(user, id, dto.status, dto.explanation);
  }

  @Post(':id/merge')
  @Roles(Role.Moderator)
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge this duplicate into another proposal: supports (each person once) and followers move' })
  @ApiOkResponse({ type: ProposalDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  merge(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: MergeProposalDto): Promise<ProposalDetailDto> {
    return this.answers.merge(user, id, dto.intoId, dto.explanation);
  }
}
