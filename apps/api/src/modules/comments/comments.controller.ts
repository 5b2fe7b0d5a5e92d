import { Body, Controller, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../../common/auth/decorators';
import type { AuthenticatedRequest } from '../../common/auth/request';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import { CommentsService } from './comments.service';
import { CommentDto, CreateCommentDto, UpdateCommentDto } from './dto/comment.dto';

@ApiTags('comments')
@Controller()
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get('proposals/:id/comments')
  @Public()
  @ApiOperation({ summary: "A proposal's discussion: top-level comments with their replies, oldest first" })
  @ApiOkResponse({ type: [CommentDto] })
  @ApiErrors(400, 404)
  list(@Param('id', uuidPipe) id: string, @Req() req: AuthenticatedRequest): Promise<CommentDto[]> {
    return this.comments.list(id, req.user);
  }

  @Post('proposals/:id/comments')
  @ApiOperation({ summary: 'Comment on a proposal, or reply to a comment' })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  create(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: CreateCommentDto): Promise<CommentDto> {
    return this.comments.create(user, id, dto);
  }

  @Patch('comments/:id')
  @ApiOperation({ summary: 'Edit my comment (within the edit window, unless hidden)' })
  @ApiOkResponse({ type: CommentDto })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  update(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: UpdateCommentDto): Promise<CommentDto> {
    return this.comments.update(user, id, dto);
  }
}
