import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse } from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { Request, Response } from 'express';
import { ATTACHMENT_DESCRIPTION_MAX, ATTACHMENT_MAX_BYTES, ATTACHMENT_MIME_TYPES } from '@app/shared';
import { markPublicCacheable } from '../http/cache-policy';
import { UploadErrorsInterceptor } from '../http/upload-errors.interceptor';

/**
 * The HTTP side of attachments (images and PDFs), shared by every feature that takes them (proposals,
 * fund applications): the multipart upload with its limits and documentation, and serving a stored
 * file with the headers that make it safe. The files themselves: attachment-files.ts.
 */

/** The part of multer's file object used (memory storage). */
export interface UploadedFileData {
  buffer: Buffer;
  originalname: string;
}

/** A file ready to be sent, with what decides its headers. */
export interface ServedFile {
  path: string;
  mimeType: string;
  fileName: string;
  /** Images open in the browser; PDFs are always downloads. */
  inline: boolean;
  /** Files of something not public are never cached by shared caches. */
  publicCache: boolean;
  etag: string;
}

/** A multipart upload of one image or PDF ("file") with an optional "description", documented for OpenAPI. */
export const AttachmentUpload = () =>
  applyDecorators(
    UseInterceptors(
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
    ),
    ApiConsumes('multipart/form-data'),
    ApiBody({
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
    }),
  );

/** The OpenAPI answer of a file route. */
export const ApiAttachmentFile = () =>
  ApiOkResponse({
    description: 'The file (images inline, PDFs as a download)',
    content: Object.fromEntries([...ATTACHMENT_MIME_TYPES].map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  });

/** Sends a stored file: no script, no plugins, no sniffing; cached publicly only when public. */
export function sendAttachment(req: Request, res: Response, file: ServedFile): void {
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
