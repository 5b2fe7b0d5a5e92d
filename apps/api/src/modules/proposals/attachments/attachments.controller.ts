import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { Response } from 'express';
import { ATTACHMENT_DESCRIPTION_MAX, ATTACHMENT_MAX_BYTES, ATTACHMENT_MIME_TYPES } from '@app/shared';
import { CurrentUser, Public } from '../../../common/auth/decorators';
import type { AuthenticatedRequest } from '../../../common/auth/request';
import { ApiErrors } from '../../../common/http/api-errors';
import { markPublicCacheable } from '../../../common/http/cache-policy';
import { UploadErrorsInterceptor } from '../../../common/http/upload-errors.interceptor';
import { uuidPipe } from '../../../common/http/pipes';
import type { User } from '../../users/user.entity';
import { AttachmentFileQueryDto, ProposalAttachmentDto, UploadAttachmentDto } from '../dto/proposal.dto';
import { AttachmentsService, type UploadedFileData } from './attachments.service';

@ApiTags('proposals')
@Controller('proposals/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @UseInterceptors(
    new UploadErrorsInterceptor({
      files: ['file'],
      fields: ['description'],
      maxBytes: ATTACHMENT_MAX_BYTES,
      tooLargeHint: 'Please choose a smaller file or reduce the image size.',
    }),
    // In memory: at most one file of ATTACHMENT_MAX_BYTES, checked and re-encoded before it is stored.
    FileInterceptor('file', {
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 2, fieldSize: ATTACHMENT_DESCRIPTION_MAX * 4, parts: 3 },
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: `JPEG, PNG, WebP or PDF, at most ${ATTACHMENT_MAX_BYTES / 1048576} MB` },
        description: {
          type: 'string',
          maxLength: ATTACHMENT_DESCRIPTION_MAX,
          description: 'Alternative text for an image, or what a document contains',
        },
      },
    },
  })
  @ApiOperation({ summary: 'Attach an image (JPEG, PNG, WebP) or a PDF to a proposal; images are stored without their metadata' })
  @ApiCreatedResponse({ type: ProposalAttachmentDto })
  @ApiErrors(400, 401, 403, 404, 409, 413, 422, 429)
  upload(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @UploadedFile() file: UploadedFileData | undefined,
    @Body() dto: UploadAttachmentDto,
  ): Promise<ProposalAttachmentDto> {
    return this.attachments.upload(user, id, file, dto.description);
  }

  @Get(':attachmentId')
  @Public()
  @ApiOperation({ summary: 'The attached file, or its preview (variant=thumbnail); PDFs always as a download' })
  @ApiOkResponse({
    description: 'The file (images inline, PDFs as a download)',
    content: Object.fromEntries([...ATTACHMENT_MIME_TYPES].map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  })
  @ApiErrors(400, 404)
  async file(
    @Param('id', uuidPipe) id: string,
    @Param('attachmentId', uuidPipe) attachmentId: string,
    @Query() query: AttachmentFileQueryDto,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.attachments.file(req.user, id, attachmentId, query.variant === 'thumbnail');
    res.setHeader('Content-Type', file.mimeType);
    res.setHeader('Content-Disposition', contentDisposition(file.fileName, { type: file.inline ? 'inline' : 'attachment' }));
    // Opened directly, the file gets no script, no plugins and no same-origin rights.
    res.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', file.publicCache ? 'public, max-age=300, must-revalidate' : 'private, no-store');
    if (file.publicCache) markPublicCacheable(res);
    res.setHeader('ETag', file.etag);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.sendFile(file.path, { etag: false, lastModified: false, cacheControl: false, dotfiles: 'allow' });
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an attachment (author while editable, or a moderator of the area; recorded in the audit log)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  async remove(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Param('attachmentId', uuidPipe) attachmentId: string,
  ): Promise<void> {
    await this.attachments.remove(user, id, attachmentId);
  }
}
