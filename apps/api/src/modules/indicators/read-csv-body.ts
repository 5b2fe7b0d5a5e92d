import type { Request } from 'express';
import { ErrorCode, INDICATOR_IMPORT_MAX_BYTES } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';

/** Media types the import takes as a CSV file (spreadsheet tools and browsers label CSV differently). */
export const CSV_MEDIA_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];

const tooLarge = () =>
  new DomainError(
    ErrorCode.PayloadTooLarge,
    `The CSV file is too large (at most ${INDICATOR_IMPORT_MAX_BYTES / 1024 / 1024} MB). Split it into several files.`,
  );

/**
 * Reads the request body as a UTF-8 CSV file (no JSON parser runs for these media types), stopping
 * at the size limit: a declared Content-Length over it is refused before reading, a chunked body
 * as soon as it passes it.
 */
export async function readCsvBody(req: Request): Promise<string> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!CSV_MEDIA_TYPES.includes(type)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Send the CSV file itself as the request body with Content-Type: text/csv.', [
      { field: 'body', messages: [`Content-Type must be one of: ${CSV_MEDIA_TYPES.join(', ')}`] },
    ]);
  }
  const charset = /charset=([^;]+)/i
    .exec(req.headers['content-type'] ?? '')?.[1]
    ?.trim()
    .replace(/"/g, '')
    .toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw new DomainError(ErrorCode.ValidationFailed, 'The CSV file must be UTF-8 encoded.', [
      { field: 'body', messages: ['charset must be utf-8'] },
    ]);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > INDICATOR_IMPORT_MAX_BYTES) {
    req.resume(); // drain without keeping it, so the 413 reaches the client
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > INDICATOR_IMPORT_MAX_BYTES) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  if (size === 0) {
    throw new DomainError(ErrorCode.ValidationFailed, 'The request body is empty: send the CSV file as the body.', [
      { field: 'body', messages: ['body must not be empty'] },
    ]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new DomainError(ErrorCode.ValidationFailed, 'The CSV file is not valid UTF-8. Save it as "CSV UTF-8" and try again.', [
      { field: 'body', messages: ['body must be UTF-8 encoded'] },
    ]);
  }
}
