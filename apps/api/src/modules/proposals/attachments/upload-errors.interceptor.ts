import { HttpException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import { ATTACHMENT_MAX_BYTES, ErrorCode } from '@app/shared';
import { DomainError } from '../../../common/errors/domain-error';

const MB = ATTACHMENT_MAX_BYTES / 1024 / 1024;

/**
 * Put before Nest's FileInterceptor: turns multer's and busboy's terse errors ("File too large",
 * "Unexpected field") into messages a person can act on, in the common error body.
 */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        throw error instanceof HttpException && !(error instanceof DomainError) ? translate(error) : error;
      }),
    );
  }
}

function translate(error: HttpException): DomainError {
  const code = (error.cause as { code?: string } | undefined)?.code;
  switch (code ?? error.getStatus()) {
    case 'LIMIT_FILE_SIZE':
      return new DomainError(
        ErrorCode.PayloadTooLarge,
        `The file is larger than ${MB} MB. Please choose a smaller file or reduce the image size.`,
        [{ field: 'file', messages: [`at most ${MB} MB`] }],
      );
    case 'LIMIT_UNEXPECTED_FILE':
    case 'LIMIT_FILE_COUNT':
      return new DomainError(ErrorCode.ValidationFailed, 'Send exactly one file, in the form field "file".', [
        { field: 'file', messages: ['exactly one file in the field "file"'] },
      ]);
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_FIELD_KEY':
    case 'LIMIT_FIELD_VALUE':
    case 'LIMIT_PART_COUNT':
      return new DomainError(ErrorCode.ValidationFailed, 'Besides the file, only a short "description" field may be sent.');
    case 415:
      return new DomainError(ErrorCode.ValidationFailed, 'Send the file as multipart/form-data in the form field "file".');
    default:
      return new DomainError(ErrorCode.ValidationFailed, 'The upload was incomplete or malformed. Please try again.');
  }
}
