import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { DomainError } from '../errors/domain-error';
import { SNIFF_BYTES } from './file-types';

/** What a file field accepts. */
export interface TempFileRule {
  maxBytes: number;
  /** The error for a file that passes maxBytes (raised as soon as it does; the rest is not written). */
  tooLarge: () => DomainError;
  /**
   * Looks at the file's first bytes (SNIFF_BYTES, or the whole file if smaller) as soon as they have
   * arrived and throws to refuse it: a wrong file is not written to disk to its end.
   */
  checkHead?: (head: Buffer) => void;
}

/** A file multer handed to this storage, as the route handler receives it. */
export interface TempFile {
  fieldname: string;
  originalname: string;
  /** The temporary file: the caller moves it into place (same folder, so a rename) or removes it. */
  path: string;
  size: number;
  sha256: string;
  /** The first SNIFF_BYTES bytes, for recognising the type. */
  head: Buffer;
}

interface IncomingFile {
  fieldname: string;
  originalname: string;
  stream: Readable;
}

type Callback = (error: Error | null, info?: Partial<TempFile>) => void;

/**
 * A multer storage engine that streams each file to a temporary file in `dir` (never the whole file
 * in memory), with a size limit per field, the SHA-256 and the first bytes computed on the way. Large
 * uploads (a sign language video of hundreds of megabytes) go straight to the disk they end up on.
 * multer's own fileSize limit is left off: it would race this one with a less precise message.
 */
export class TempFileStorage {
  constructor(
    private readonly dir: string,
    private readonly rules: Record<string, TempFileRule>,
  ) {}

  _handleFile(_req: Request, file: IncomingFile, callback: Callback): void {
    const rule = this.rules[file.fieldname];
    const source = file.stream;
    if (!rule) {
      source.resume();
      callback(new Error(`No rule for the file field "${file.fieldname}"`));
      return;
    }
    const path = join(this.dir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    let headChecked = !rule.checkHead;
    const checkHead = () => {
      headChecked = true;
      rule.checkHead?.(head);
    };
    const inspect = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > rule.maxBytes) return done(rule.tooLarge());
        hash.update(chunk);
        if (!headChecked) {
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
          if (head.length >= SNIFF_BYTES) {
            try {
              checkHead();
            } catch (error) {
              return done(error as Error);
            }
          }
        }
        done(null, chunk);
      },
      flush(done) {
        try {
          if (!headChecked) checkHead();
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    });

    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (!error) {
        callback(null, { path, size, sha256: hash.digest('hex'), head });
        return;
      }
      // Never destroy the parser's stream: unhooked and drained, so multer ends the request cleanly.
      source.unpipe(inspect);
      source.resume();
      inspect.destroy();
      void rm(path, { force: true }).finally(() => callback(error));
    };
    // The request was cut off mid-file: the stream closes without ending (multer reports the abort).
    let ended = false;
    source.once('end', () => (ended = true));
    source.once('close', () => {
      if (!ended) settle(new Error('The upload was interrupted.'));
    });
    source.once('error', (error: Error) => settle(error));

    mkdir(this.dir, { recursive: true })
      .then(() => {
        source.pipe(inspect);
        return pipeline(inspect, createWriteStream(path, { flags: 'wx', mode: 0o640 }));
      })
      .then(
        () => settle(null),
        (error: Error) => settle(error),
      );
  }

  _removeFile(_req: Request, file: { path?: string }, callback: (error: Error | null) => void): void {
    if (!file.path) return callback(null);
    rm(file.path, { force: true }).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}
