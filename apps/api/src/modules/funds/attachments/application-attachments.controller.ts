import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res, UploadedFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Public } from '../../../common/auth/decorators';
import type { AuthenticatedRequest } from '../../../common/auth/request';
import { ApiAttachmentFile, AttachmentUpload, sendAttachment, type UploadedFileData } from '../../../common/files/attachment-http';
import { ApiErrors } from '../../../common/http/api-errors';
import { uuidPipe } from '../../../common/http/pipes';
import { AttachmentFileQueryDto, ProposalAttachmentDto, UploadAttachmentDto } from '../../proposals/dto/proposal.dto';
import type { User } from '../../users/user.entity';
import { ApplicationAttachmentsService } from './application-attachments.service';

@ApiTags('funds')
@Controller('applications/:id')
export class ApplicationAttachmentsController {
  constructor(private readonly attachments: ApplicationAttachmentsService) {}

  @Post('attachments')
  @AttachmentUpload()
  @ApiOperation({ summary: 'Attach an image or PDF to my application while it can be changed (the proposal attachments’ rules)' })
  @ApiCreatedResponse({ type: ProposalAttachmentDto })
  @ApiErrors(400, 401, 403, 404, 409, 413, 422, 429)
  upload(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @UploadedFile() file: UploadedFileData | undefined,
    @Body() dto: UploadAttachmentDto,
  ): Promise<ProposalAttachmentDto> {
    return this.attachments.upload(user, id, 'application', file, dto.description);
  }

  @Post('proof-attachments')
  @AttachmentUpload()
  @ApiOperation({ summary: 'Add a receipt or photo to the proof of use of my paid application' })
  @ApiCreatedResponse({ type: ProposalAttachmentDto })
  @ApiErrors(400, 401, 403, 404, 409, 413, 422, 429)
  uploadProof(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @UploadedFile() file: UploadedFileData | undefined,
    @Body() dto: UploadAttachmentDto,
  ): Promise<ProposalAttachmentDto> {
    return this.attachments.upload(user, id, 'proof', file, dto.description);
  }

  @Get('attachments/:attachmentId')
  @Public()
  @ApiOperation({ summary: 'An application’s attached file, or its preview (variant=thumbnail); PDFs always as a download' })
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

  @Delete('attachments/:attachmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an attachment of my application (documents while it can be changed, receipts while it is paid)' })
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
