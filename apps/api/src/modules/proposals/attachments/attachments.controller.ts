import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res, UploadedFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiAttachmentFile, AttachmentUpload, sendAttachment, type UploadedFileData } from '../../../common/files/attachment-http';
import { CurrentUser, Public } from '../../../common/auth/decorators';
import type { AuthenticatedRequest } from '../../../common/auth/request';
import { ApiErrors } from '../../../common/http/api-errors';
import { uuidPipe } from '../../../common/http/pipes';
import type { User } from '../../users/user.entity';
import { AttachmentFileQueryDto, ProposalAttachmentDto, UploadAttachmentDto } from '../dto/proposal.dto';
import { AttachmentsService } from './attachments.service';

@ApiTags('proposals')
@Controller('proposals/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @AttachmentUpload()
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
  @ApiAttachmentFile()
  @ApiErrors(400, 404)
  async file(
    @Param('id', uuidPipe) id: string,
    @Param('attachmentId', uuidPipe) attachmentId: string,
    @Query() query: AttachmentFileQueryDto,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    sendAttachment(req, res, await this.attachments.file(req.user, id, attachmentId, query.variant === 'thumbnail'));
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
