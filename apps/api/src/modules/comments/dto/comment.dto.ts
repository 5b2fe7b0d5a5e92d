import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import {
  COMMENT_MAX,
  LANGUAGES,
  type CommentListQuery,
  type CommentResponse,
  type CommentTranslation,
  type CreateCommentRequest,
  type Language,
  type UpdateCommentRequest,
} from '@app/shared';
import { NoControlChars, Optional, Trim, WrittenInField } from '../../../common/http/dto-fields';

const BodyField = () =>
  applyDecorators(
    ApiProperty({ minLength: 1, maxLength: COMMENT_MAX, description: 'Plain text', example: 'Gute Idee, die Bänke fehlen wirklich.' }),
    Trim(),
    IsString(),
    Length(1, COMMENT_MAX),
    NoControlChars(),
  );

export class CreateCommentDto implements CreateCommentRequest {
  @BodyField() body: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Reply to this comment (a reply to a reply joins the top-level thread)' })
  @Optional()
  @IsUUID('all')
  parentId?: string;

  @WrittenInField('comment') language?: Language;
}

export class CommentListQueryDto implements CommentListQuery {
  @ApiPropertyOptional({
    enum: LANGUAGES,
    description:
      'Only the threads in which somebody wrote in this language: a thread keeps its top-level comment (as context, whatever its language) and its replies in this language',
  })
  @IsOptional()
  @IsIn(LANGUAGES as string[], { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;
}

export class UpdateCommentDto implements UpdateCommentRequest {
  @BodyField() body: string;
}

class CommentAuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'null when the account was deleted' }) displayName: string | null;
}

class CommentViewerDto {
  @ApiProperty() isAuthor: boolean;
  @ApiProperty({ description: 'The author may still edit (within the edit window, not hidden)' }) canEdit: boolean;
}

export class CommentDto implements CommentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: CommentAuthorDto }) author: CommentAuthorDto;
  @ApiProperty({ description: 'Empty when hidden by moderation' }) body: string;
  @ApiProperty({ enum: LANGUAGES, description: 'The language it is written in' }) language: Language;
  @ApiProperty() hidden: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The public reason for hiding' }) hiddenReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
  @ApiProperty({ type: CommentViewerDto }) viewer: CommentViewerDto;
  @ApiProperty({ type: () => [CommentDto], description: 'Replies, oldest first (empty for replies)' }) replies: CommentDto[];
}

export class CommentTranslationDto implements CommentTranslation {
  @ApiProperty({ format: 'uuid' }) commentId: string;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ enum: LANGUAGES, description: 'The language the comment is written in' }) sourceLanguage: Language;
  @ApiProperty() body: string;
}
