/**
 * The city's video in Deutsche Gebärdensprache (DGS) with German captions (BITV 2.0 § 4): one current
 * video, uploaded by an administrator; until there is one, the page says that it is planned.
 */

/** Video containers browsers play everywhere; the API checks the file's content, not its name. */
export const SIGN_LANGUAGE_VIDEO_MIME_TYPES = ['video/mp4', 'video/webm'] as const;
export type SignLanguageVideoMimeType = (typeof SIGN_LANGUAGE_VIDEO_MIME_TYPES)[number];

/** The default upper limit of a video (SIGN_LANGUAGE_VIDEO_MAX_MB); the answer of GET names the configured one. */
export const SIGN_LANGUAGE_VIDEO_DEFAULT_MAX_MB = 300;
/** WebVTT captions of even a long video are a few hundred kilobytes. */
export const SIGN_LANGUAGE_CAPTIONS_MAX_BYTES = 2 * 1024 * 1024;
/** A short summary or the link to a transcript. */
export const SIGN_LANGUAGE_DESCRIPTION_MAX = 2000;

export interface SignLanguageVideoFile {
  /** Relative URL (served with Range support, so phones can seek). */
  url: string;
  /** The uploaded file's name, cleaned of path parts and control characters. */
  fileName: string;
  mimeType: string;
  /** Bytes. */
  size: number;
}

export interface SignLanguageVideo {
  id: string;
  video: SignLanguageVideoFile & { mimeType: SignLanguageVideoMimeType };
  /** WebVTT, German (srclang "de"). */
  captions: SignLanguageVideoFile & { mimeType: 'text/vtt' };
  /** A short summary of what the video explains, or a link to its transcript. */
  description: string | null;
  uploadedAt: string;
}

/** GET /api/sign-language-video: the current video, or null while there is none. */
export interface SignLanguageVideoState {
  video: SignLanguageVideo | null;
  /** The largest video this installation accepts (SIGN_LANGUAGE_VIDEO_MAX_MB), in bytes. */
  maxVideoBytes: number;
  maxCaptionsBytes: number;
}
