import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, SIGN_LANGUAGE_CAPTIONS_MAX_BYTES, type SignLanguageVideoMimeType } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { sniffFileType } from '../../common/files/file-types';
import type { TempFileRule } from '../../common/files/temp-file-storage';

/** The video and its captions live beside the proposal attachments, in a folder of their own. */
export const SIGN_LANGUAGE_FOLDER = 'sign-language';
export const signLanguageDir = (uploadDir: string) => join(uploadDir, SIGN_LANGUAGE_FOLDER);

const VIDEO_EXTENSIONS: Record<SignLanguageVideoMimeType, string> = { 'video/mp4': '.mp4', 'video/webm': '.webm' };
export const videoExtension = (mimeType: SignLanguageVideoMimeType) => VIDEO_EXTENSIONS[mimeType];

/** The two files of a video row, named by its id. */
export function videoPaths(uploadDir: string, id: string, mimeType: SignLanguageVideoMimeType): { video: string; captions: string } {
  const dir = signLanguageDir(uploadDir);
  return { video: join(dir, `${id}${videoExtension(mimeType)}`), captions: join(dir, `${id}.vtt`) };
}

export async function removeVideoFiles(paths: { video: string; captions: string }): Promise<void> {
  await Promise.all([rm(paths.video, { force: true }), rm(paths.captions, { force: true })]);
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** MP4 or WebM by the file's first bytes; anything else is refused, with a hint for the usual mistakes. */
export function videoType(head: Buffer): SignLanguageVideoMimeType {
  if (head.length === 0)
    throw new DomainError(ErrorCode.ValidationFailed, 'The video file is empty. Please choose the video again.', [
      { field: 'video', messages: ['the file is empty'] },
    ]);
  const type = sniffFileType(head);
  if (type === 'video/mp4' || type === 'video/webm') return type;
  const hint =
    type === 'video/quicktime'
      ? ' It is a QuickTime (.mov) file, which not every browser plays: export it as MP4 (H.264).'
      : type === 'video/x-matroska'
        ? ' It is a Matroska (.mkv) file, which not every browser plays: export it as MP4 (H.264) or WebM.'
        : '';
  throw new DomainError(
    ErrorCode.VideoTypeNotAllowed,
    `This file is not an MP4 or WebM video (its content was checked, not its name).${hint}`,
    [{ field: 'video', messages: ['must be an MP4 or WebM video'] }],
  );
}

/** The captions' first bytes: "WEBVTT" (after an optional byte order mark). The whole file is checked once it has arrived. */
function captionsSignature(head: Buffer): void {
  const text = head.subarray(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0).toString('latin1');
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(text)) return;
  throw new DomainError(
    ErrorCode.CaptionsInvalid,
    head.length === 0
      ? 'The captions file is empty.'
      : 'The captions file is not WebVTT: its first line must be "WEBVTT" (a SubRip .srt file can be converted).',
    [{ field: 'captions', messages: ['must be a WebVTT file starting with "WEBVTT"'] }],
  );
}

/** What each file field of the upload accepts. */
export function uploadRules(maxVideoBytes: number): Record<'video' | 'captions', TempFileRule> {
  return {
    video: {
      maxBytes: maxVideoBytes,
      tooLarge: () =>
        new DomainError(
          ErrorCode.PayloadTooLarge,
          `The video is larger than ${megabytes(maxVideoBytes)} MB. Please compress it (for example H.264 in 720p), or ask the operator to raise SIGN_LANGUAGE_VIDEO_MAX_MB.`,
          [{ field: 'video', messages: [`at most ${megabytes(maxVideoBytes)} MB`] }],
        ),
      checkHead: (head) => void videoType(head),
    },
    captions: {
      maxBytes: SIGN_LANGUAGE_CAPTIONS_MAX_BYTES,
      tooLarge: () =>
        new DomainError(
          ErrorCode.PayloadTooLarge,
          `The captions file is larger than ${megabytes(SIGN_LANGUAGE_CAPTIONS_MAX_BYTES)} MB; WebVTT captions are far smaller. Is it the right file?`,
          [{ field: 'captions', messages: [`at most ${megabytes(SIGN_LANGUAGE_CAPTIONS_MAX_BYTES)} MB`] }],
        ),
      checkHead: captionsSignature,
    },
  };
}
