import { HttpException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import { ErrorCode } from '@app/shared';
import { DomainError } from '../errors/domain-error';

/** What a multipart route takes: its file fields, its text fields, and (when multer enforces it) the size limit. */
export interface UploadShape {
  files: string[];
  fields: string[];
  /** multer's fileSize limit, named in the message when a file passes it. */
  maxBytes?: number;
  /** What the person can do about a file that is too large. */
  tooLargeHint?: string;
}

const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(' and ');

/**
 * Put before Nest's FileInterceptor (or FileFieldsInterceptor): turns multer's and busboy's terse
 * errors ("File too large", "Unexpected field") into messages a person can act on, in the common
 * error body. Errors the route's own storage raises (DomainErrors) pass unchanged.
 */
export class UploadErrorsInterceptor implements NestInterceptor {
  constructor(private readonly shape: UploadShape) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        throw error instanceof HttpException && !(error instanceof DomainError) ? this.translate(error) : error;
      }),
    );
  }

  private translate(error: HttpException): DomainError {
    const { files, fields, maxBytes, tooLargeHint } = this.shape;
    const one = files.length === 1;
    const code = (error.cause as { code?: string } | undefined)?.code;
    switch (code ?? error.getStatus()) {
      case 'LIMIT_FILE_SIZE': {
        const mb = (maxBytes ?? 0) / 1024 / 1024;
        return new DomainError(ErrorCode.PayloadTooLarge, `The file is larger than ${mb} MB.${tooLargeHint ? ` ${tooLargeHint}` : ''}`, [
          { field: (error.cause as { field?: string } | undefined)?.field ?? files[0], messages: [`at most ${mb} MB`] },
        ]);
      }
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FILE_COUNT':
        return new DomainError(
          ErrorCode.ValidationFailed,
          one ? `Send exactly one file, in the form field ${quoted(files)}.` : `Send one file in each of the form fields ${quoted(files)}.`,
          files.map((field) => ({ field, messages: [`exactly one file in the field "${field}"`] })),
        );
      case 'LIMIT_FIELD_COUNT':
      case 'LIMIT_FIELD_KEY':
      case 'LIMIT_FIELD_VALUE':
      case 'LIMIT_PART_COUNT':
        return new DomainError(
          ErrorCode.ValidationFailed,
          `Besides the ${one ? 'file' : 'files'}, only a short ${quoted(fields)} field may be sent.`,
        );
      case 415:
        return new DomainError(
          ErrorCode.ValidationFailed,
          `Send the ${one ? 'file' : 'files'} as multipart/form-data in the form field${one ? '' : 's'} ${quoted(files)}.`,
        );
      default:
        return new DomainError(ErrorCode.ValidationFailed, 'The upload was incomplete or malformed. Please try again.');
    }
  }
}
