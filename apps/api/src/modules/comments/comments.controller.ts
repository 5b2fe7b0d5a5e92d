import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../../common/auth/decorators';
import type { AuthenticatedRequest } from '../../common/auth/request';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import { CommentsService } from './comments.service';
import { TranslateRequestDto } from '../translations/dto/translate-request.dto';
import { CommentDto, CommentListQueryDto, CommentTranslationDto, CreateCommentDto, UpdateCommentDto } from './dto/comment.dto';

@ApiTags('comments')
@Controller()
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get('proposals/:id/comments')
  @Public()
  @ApiOperation({
    summary: "A proposal's discussion: top-level comments with their replies, oldest first; ?language= narrows it to one language",
  })
  @ApiOkResponse({ type: [CommentDto] })
  @ApiErrors(400, 404)
  list(@Param('id', uuidPipe) id: string, @Query() query: CommentListQueryDto, @Req() req: AuthenticatedRequest): Promise<CommentDto[]> {
    return this.comments.list(id, req.user, query);
  }

  @Post('proposals/:id/comments')
  @ApiOperation({ summary: 'Comment on a proposal, or reply to a comment' })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  create(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Body() dto: CreateCommentDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CommentDto> {
    return this.comments.create(user, id, dto, acceptLanguage);
  }

  @Post('comments/:id/translations')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: "A comment's text machine-translated into a language (a self-hosted server; cached; the original stays as written)",
  })
  @ApiOkResponse({ type: CommentTranslationDto })
  @ApiErrors(400, 404, 422, 429, 503)
  translate(@Param('id', uuidPipe) id: string, @Body() dto: TranslateRequestDto): Promise<CommentTranslationDto> {
    return this.comments.translate(id, dto.language);
  }

  @Patch('comments/:id')
  @ApiOperation({ summary: 'Edit my comment (within the edit window, unless hidden)' })
  @ApiOkResponse({ type: CommentDto })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  update(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: UpdateCommentDto): Promise<CommentDto> {
    return this.comments.update(user, id, dto);
  }
}
