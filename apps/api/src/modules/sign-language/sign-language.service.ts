import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import type { EntityManager, Repository } from 'typeorm';
import { ErrorCode, SIGN_LANGUAGE_CAPTIONS_MAX_BYTES, type SignLanguageVideo, type SignLanguageVideoState } from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { cleanFileName } from '../../common/files/file-names';
import type { TempFile } from '../../common/files/temp-file-storage';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TransactionRunner } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import { checkWebVtt } from './captions';
import { SignLanguageVideoEntity } from './sign-language-video.entity';
import { removeVideoFiles, videoExtension, videoPaths, videoType } from './sign-language-files';

/** The files of the multipart upload, by field (multer's .fields()). */
export interface SignLanguageUpload {
  video?: TempFile[];
  captions?: TempFile[];
}

/** A file ready to be sent, with what its headers need. */
export interface ServedVideoFile {
  path: string;
  mimeType: string;
  fileName: string;
  etag: string;
}

/** Key of the PostgreSQL lock under which the one current video is replaced or removed. */
const REPLACE_LOCK_KEY = 0x5349474e; // "SIGN"

/**
 * The city's video in Deutsche Gebärdensprache: one current video with its captions. A new upload is
 * checked completely (type by content, captions parsed) and moved into place before the row that
 * publishes it is written; the previous video's files go only after that row is committed. So
 * there is never a published video without captions, nor a row whose files are missing.
 */
@Injectable()
export class SignLanguageService {
  constructor(
    @InjectRepository(SignLanguageVideoEntity) private readonly videos: Repository<SignLanguageVideoEntity>,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async state(): Promise<SignLanguageVideoState> {
    const [current] = await this.videos.find({ order: { uploadedAt: 'DESC' }, take: 1 });
    return {
      video: current ? toVideo(current) : null,
      maxVideoBytes: this.config.signLanguageVideoMaxBytes,
      maxCaptionsBytes: SIGN_LANGUAGE_CAPTIONS_MAX_BYTES,
    };
  }

  async replace(actor: User, upload: SignLanguageUpload | undefined, description: string | undefined): Promise<SignLanguageVideoState> {
    const video = upload?.video?.[0];
    const captions = upload?.captions?.[0];
    try {
      if (!video) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          'Please choose the video: send it as multipart/form-data in the form field "video", with its captions in "captions".',
          [{ field: 'video', messages: ['an MP4 or WebM video is required'] }],
        );
      }
      if (!captions) {
        throw new DomainError(
          ErrorCode.CaptionsRequired,
          'The video is published only with its German captions: add the WebVTT file in the form field "captions".',
          [{ field: 'captions', messages: ['a WebVTT captions file is required'] }],
        );
      }
      const mimeType = videoType(video.head);
      const check = checkWebVtt(await readFile(captions.path));
      if (!check.ok) throw new DomainError(ErrorCode.CaptionsInvalid, check.problem, [{ field: 'captions', messages: [check.problem] }]);

      const id = randomUUID();
      const paths = videoPaths(this.config.uploadDir, id, mimeType);
      await rename(video.path, paths.video);
      await rename(captions.path, paths.captions);
      let previous: SignLanguageVideoEntity[];
      try {
        previous = await this.transactions.run(async (m) => {
          const old = await this.takeCurrent(m);
          const row = m.create(SignLanguageVideoEntity, {
            id,
            videoFileName: cleanFileName(video.originalname, videoExtension(mimeType), 'gebaerdensprache'),
            videoMimeType: mimeType,
            videoSize: video.size,
            videoSha256: video.sha256,
            captionsFileName: cleanFileName(captions.originalname, '.vtt', 'untertitel'),
            captionsMimeType: 'text/vtt',
            captionsSize: captions.size,
            captionsSha256: captions.sha256,
            description: description || null,
            uploadedById: actor.id,
          });
          await m.insert(SignLanguageVideoEntity, row);
          await this.audit.record(
            {
              actorId: actor.id,
              action: old.length ? 'sign_language_video.replaced' : 'sign_language_video.uploaded',
              entityType: 'sign_language_video',
              entityId: id,
              details: {
                videoFileName: row.videoFileName,
                videoSize: row.videoSize,
                captionsFileName: row.captionsFileName,
                cues: check.cues,
                replaced: old.map((o) => o.id),
              },
            },
            m,
          );
          return old;
        });
      } catch (error) {
        await removeVideoFiles(paths);
        throw error;
      }
      for (const old of previous) await removeVideoFiles(videoPaths(this.config.uploadDir, old.id, old.videoMimeType));
      return this.state();
    } finally {
      // The temporary files, unless they were moved into place (then there is nothing to remove).
      await Promise.all([video, captions].map((file) => (file ? rm(file.path, { force: true }) : undefined)));
    }
  }

  /** Takes the video off the page; its files go once that is committed. */
  async remove(actor: User): Promise<void> {
    const removed = await this.transactions.run(async (m) => {
      const old = await this.takeCurrent(m);
      if (!old.length) throw notFound('The sign language video');
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'sign_language_video.removed',
          entityType: 'sign_language_video',
          entityId: old[0].id,
          details: { videoFileName: old[0].videoFileName, captionsFileName: old[0].captionsFileName },
        },
        m,
      );
      return old;
    });
    for (const old of removed) await removeVideoFiles(videoPaths(this.config.uploadDir, old.id, old.videoMimeType));
  }

  /**
   * Deletes the current row(s) inside the caller's transaction and returns them. Two administrators
   * replacing at once take turns (an advisory lock on PostgreSQL; SQLite runs one unit of work at a
   * time), so there is never more than one row and every replaced video's files are known.
   */
  private async takeCurrent(m: EntityManager): Promise<SignLanguageVideoEntity[]> {
    if (this.transactions.isPostgres) await m.query('SELECT pg_advisory_xact_lock($1)', [REPLACE_LOCK_KEY]);
    const old = await m.find(SignLanguageVideoEntity);
    if (old.length)
      await m.delete(
        SignLanguageVideoEntity,
        old.map((row) => row.id),
      );
    return old;
  }

  /** The video or its captions, while that video is the current one. */
  async file(id: string, kind: 'video' | 'captions'): Promise<ServedVideoFile> {
    const row = await this.videos.findOneBy({ id });
    if (!row) throw notFound('The sign language video');
    const paths = videoPaths(this.config.uploadDir, row.id, row.videoMimeType);
    const path = kind === 'video' ? paths.video : paths.captions;
    // A row whose file is missing (e.g. a restore without the upload folder) is a 404, not a 500.
    if (!(await stat(path).catch(() => null))) throw notFound('The sign language video file');
    return kind === 'video'
      ? { path, mimeType: row.videoMimeType, fileName: row.videoFileName, etag: `"${row.videoSha256.slice(0, 32)}"` }
      : { path, mimeType: 'text/vtt; charset=utf-8', fileName: row.captionsFileName, etag: `"${row.captionsSha256.slice(0, 32)}"` };
  }
}

function toVideo(row: SignLanguageVideoEntity): SignLanguageVideo {
  const base = `/api/sign-language-video/${row.id}`;
  return {
    id: row.id,
    video: { url: `${base}/video`, fileName: row.videoFileName, mimeType: row.videoMimeType, size: row.videoSize },
    captions: { url: `${base}/captions.vtt`, fileName: row.captionsFileName, mimeType: 'text/vtt', size: row.captionsSize },
    description: row.description,
    uploadedAt: new Date(row.uploadedAt).toISOString(),
  };
}
