import { Body, Controller, Delete, Get, HttpCode, Param, Put, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { Request, Response } from 'express';
import { ErrorCode, Role, SIGN_LANGUAGE_DESCRIPTION_MAX, SIGN_LANGUAGE_VIDEO_MIME_TYPES } from '@app/shared';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { buildErrorBody } from '../../common/errors/all-exceptions.filter';
import { ApiErrors } from '../../common/http/api-errors';
import { markPublicCacheable } from '../../common/http/cache-policy';
import { uuidPipe } from '../../common/http/pipes';
import { UploadErrorsInterceptor } from '../../common/http/upload-errors.interceptor';
import type { User } from '../users/user.entity';
import { SignLanguageVideoStateDto, UploadSignLanguageVideoDto } from './dto/sign-language.dto';
import { SignLanguageService, type ServedVideoFile, type SignLanguageUpload } from './sign-language.service';

const binary = { schema: { type: 'string', format: 'binary' } };
const VIDEO_CONTENT = Object.fromEntries(SIGN_LANGUAGE_VIDEO_MIME_TYPES.map((type) => [type, binary]));

/**
 * BITV 2.0 § 4: the city's video in Deutsche Gebärdensprache with German captions. Anybody reads it;
 * administrators publish, replace and remove it. The storage (streamed to disk, checked by content)
 * is configured in SignLanguageModule.
 */
@ApiTags('sign-language')
@Controller('sign-language-video')
export class SignLanguageController {
  constructor(private readonly signLanguage: SignLanguageService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The current sign language video with its captions, or video: null while the city has not published one' })
  @ApiOkResponse({ type: SignLanguageVideoStateDto })
  state(): Promise<SignLanguageVideoStateDto> {
    return this.signLanguage.state();
  }

  @Put()
  @Roles(Role.Administrator)
  @UseInterceptors(
    new UploadErrorsInterceptor({ files: ['video', 'captions'], fields: ['description'] }),
    FileFieldsInterceptor(
      [
        { name: 'video', maxCount: 1 },
        { name: 'captions', maxCount: 1 },
      ],
      { limits: { files: 2, fields: 1, fieldSize: SIGN_LANGUAGE_DESCRIPTION_MAX * 4, parts: 3 } },
    ),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['video', 'captions'],
      properties: {
        video: { type: 'string', format: 'binary', description: 'MP4 or WebM (checked by content), at most SIGN_LANGUAGE_VIDEO_MAX_MB' },
        captions: { type: 'string', format: 'binary', description: 'German captions as WebVTT, with at least one cue' },
        description: {
          type: 'string',
          maxLength: SIGN_LANGUAGE_DESCRIPTION_MAX,
          description: 'A short summary of the video, or the link to its transcript',
        },
      },
    },
  })
  @ApiOperation({
    summary: 'Publish the sign language video with its captions, replacing the current one (recorded in the audit log)',
  })
  @ApiOkResponse({ type: SignLanguageVideoStateDto })
  @ApiErrors(400, 401, 403, 413, 422, 429)
  replace(
    @CurrentUser() user: User,
    @UploadedFiles() files: SignLanguageUpload | undefined,
    @Body() dto: UploadSignLanguageVideoDto,
  ): Promise<SignLanguageVideoStateDto> {
    return this.signLanguage.replace(user, files, dto.description);
  }

  @Delete()
  @Roles(Role.Administrator)
  @HttpCode(204)
  @ApiOperation({ summary: 'Take the sign language video off the page (the page says again that it is planned; audited)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(401, 403, 404, 429)
  async remove(@CurrentUser() user: User): Promise<void> {
    await this.signLanguage.remove(user);
  }

  @Get(':id/video')
  @Public()
  @ApiOperation({ summary: 'The video file; answers Range requests (206 Partial Content), so players can seek' })
  @ApiOkResponse({ description: 'The whole video', content: VIDEO_CONTENT })
  @ApiResponse({ status: 206, description: 'The requested byte range', content: VIDEO_CONTENT })
  @ApiErrors(400, 404, 416)
  async video(@Param('id', uuidPipe) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await sendFile(await this.signLanguage.file(id, 'video'), req, res);
  }

  @Get(':id/captions.vtt')
  @Public()
  @ApiOperation({ summary: 'The video’s German captions (WebVTT)' })
  @ApiOkResponse({ description: 'WebVTT', content: { 'text/vtt': { schema: { type: 'string' } } } })
  @ApiResponse({ status: 206, description: 'The requested byte range', content: { 'text/vtt': { schema: { type: 'string' } } } })
  @ApiErrors(400, 404, 416)
  async captions(@Param('id', uuidPipe) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await sendFile(await this.signLanguage.file(id, 'captions'), req, res);
  }
}

/**
 * Sends the file with Range support (Express's sendFile: 206 with Content-Range for one range,
 * 416 outside the file, If-Range and conditional requests by the ETag). The URL names the video's
 * id, so a day of caching is safe; a replaced video has another URL.
 */
function sendFile(file: ServedVideoFile, req: Request, res: Response): Promise<void> {
  res.setHeader('Content-Type', file.mimeType);
  res.setHeader('Content-Disposition', contentDisposition(file.fileName, { type: 'inline' }));
  // Opened directly, the file gets no script and no same-origin rights.
  res.setHeader('Content-Security-Policy', "default-src 'none'; media-src 'self'; sandbox");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'public, max-age=86400');
  res.setHeader('ETag', file.etag);
  markPublicCacheable(res);
  return new Promise((resolve) => {
    res.sendFile(
      file.path,
      { etag: false, lastModified: false, cacheControl: false, acceptRanges: true, dotfiles: 'allow' },
      (error?: Error & { status?: number; code?: string }) => {
        if (error && !res.headersSent) {
          for (const header of ['Content-Disposition', 'ETag', 'Content-Security-Policy']) res.removeHeader(header);
          res.setHeader('Cache-Control', 'no-store');
          if (error.status === 416) {
            res
              .status(416)
              .json(
                buildErrorBody(416, ErrorCode.RangeNotSatisfiable, `The requested range (${req.headers.range}) lies outside the file.`),
              );
          } else {
            res.removeHeader('Content-Range');
            res.status(404).json(buildErrorBody(404, ErrorCode.NotFound, 'The sign language video file was not found.'));
          }
        }
        resolve();
      },
    );
  });
}
