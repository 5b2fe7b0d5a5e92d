import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { ErrorCode, type AttachmentMimeType } from '@app/shared';
import { DomainError } from '../errors/domain-error';
import { cleanFileName as cleanUploadName } from './file-names';
import { SNIFF_BYTES, sniffFileType } from './file-types';

/** Longest side of a stored image and of its preview, in pixels. */
const IMAGE_MAX_SIDE = 2400;
const THUMBNAIL_SIDE = 480;
/** Refuses decompression bombs (a small file that unpacks to gigapixels). */
const MAX_INPUT_PIXELS = 50_000_000;

const SHARP_FORMATS: Record<string, AttachmentMimeType> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** What an upload turned into, ready to be stored. */
export interface PreparedFile {
  mimeType: AttachmentMimeType;
  data: Buffer;
  thumbnail: Buffer | null;
  width: number | null;
  height: number | null;
  sha256: string;
}

const notAllowed = () =>
  new DomainError(
    ErrorCode.AttachmentTypeNotAllowed,
    'This file is not a JPEG, PNG or WebP image or a PDF document (the content was checked, not only the name).',
    [{ field: 'file', messages: ['must be a JPEG, PNG or WebP image or a PDF document'] }],
  );

/**
 * Checks an upload by its content and prepares what is stored. Images are decoded and re-encoded:
 * this proves they are images, turns them upright, scales very large ones down and drops all
 * metadata (EXIF, GPS position, camera serial numbers). PDFs are recognised by their header and
 * kept byte for byte; they are only ever served as downloads.
 */
export async function prepareUpload(buffer: Buffer): Promise<PreparedFile> {
  if (sniffFileType(buffer.subarray(0, SNIFF_BYTES)) === 'application/pdf') {
    return { mimeType: 'application/pdf', data: buffer, thumbnail: null, width: null, height: null, sha256: sha256(buffer) };
  }
  let format: string | undefined;
  try {
    format = (await sharp(buffer, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    throw notAllowed();
  }
  const mimeType = format ? SHARP_FORMATS[format] : undefined;
  if (!mimeType) throw notAllowed(); // SVG, GIF, TIFF, HEIF …: refused (SVG could carry script)
  try {
    const image = sharp(buffer, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: IMAGE_MAX_SIDE, height: IMAGE_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    const encoded =
      mimeType === 'image/jpeg'
        ? image.jpeg({ quality: 85, mozjpeg: true })
        : mimeType === 'image/png'
          ? image.png({ compressionLevel: 9 })
          : image.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data)
      .resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return { mimeType, data, thumbnail, width: info.width, height: info.height, sha256: sha256(data) };
  } catch {
    throw new DomainError(
      ErrorCode.AttachmentTypeNotAllowed,
      'This image could not be read; it may be damaged or too large (at most 50 megapixels).',
      [{ field: 'file', messages: ['image could not be decoded'] }],
    );
  }
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Paths of an attachment's files below the upload directory (two-character fan-out). */
export function attachmentPaths(uploadDir: string, id: string): { file: string; thumbnail: string } {
  const base = join(uploadDir, id.slice(0, 2), id);
  return { file: base, thumbnail: `${base}.thumb.webp` };
}

/** Writes atomically (temporary file, then rename), so a reader never sees half a file. */
async function writeAtomic(path: string, data: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, data, { mode: 0o640 });
  await rename(temporary, path);
}

export async function storeFiles(uploadDir: string, id: string, prepared: PreparedFile): Promise<void> {
  const paths = attachmentPaths(uploadDir, id);
  await writeAtomic(paths.file, prepared.data);
  if (prepared.thumbnail) await writeAtomic(paths.thumbnail, prepared.thumbnail);
}

export async function removeFiles(uploadDir: string, id: string): Promise<void> {
  const paths = attachmentPaths(uploadDir, id);
  await Promise.all([rm(paths.file, { force: true }), rm(paths.thumbnail, { force: true })]);
}

/** The name to show and to offer for download, with the extension of the real type. */
export function cleanFileName(name: string | undefined, mimeType: AttachmentMimeType): string {
  const extension = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'application/pdf': '.pdf' }[mimeType];
  return cleanUploadName(name, extension, 'anhang');
}
