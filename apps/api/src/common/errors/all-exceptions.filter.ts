import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ErrorCode, type ApiErrorBody } from '@app/shared';
import { DatabaseBusyError } from '../../database/sqlite-units-of-work';
import { DomainError } from './domain-error';
import { RateLimitedError } from './rate-limited-error';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODE_FOR_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  422: ErrorCode.UnprocessableEntity,
  429: ErrorCode.RateLimited,
};

/** Seconds a client is asked to wait after a 503 'BUSY' (Retry-After). */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * The database could not take the request in time: SQLite's connection stayed taken longer than the
 * lock wait, or PostgreSQL gave up on a lock, a deadlock, a serialization conflict or a statement
 * timeout. The transaction was rolled back; the request is safe to send again.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (error instanceof DatabaseBusyError) return true;
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code === '40001' || code === '40P01' || code === '55P03' || code === '57014';
}

/** SQLite and PostgreSQL report a unique-constraint violation differently. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; message?: string } | undefined;
  return driverError?.code === '23505' || /UNIQUE constraint failed/i.test(driverError?.message ?? error.message);
}

export function buildErrorBody(status: number, code: ErrorCode, message: string, details?: ApiErrorBody['details']): ApiErrorBody {
  return {
    statusCode: status,
    error: STATUS_TEXT[status] ?? 'Error',
    code,
    message,
    ...(details?.length ? { details } : {}),
  };
}

/** The database errors a person can cause or wait out (a duplicate, a busy database), for HTTP and socket answers alike. */
export function databaseErrorBody(error: unknown): ApiErrorBody | null {
  if (isDatabaseBusy(error)) {
    return buildErrorBody(
      503,
      ErrorCode.Busy,
      `The server is very busy right now. Please try again in ${BUSY_RETRY_AFTER_SECONDS} seconds.`,
    );
  }
  if (isUniqueViolation(error)) return buildErrorBody(409, ErrorCode.Conflict, 'This entry already exists.');
  return null;
}

/** Turns every error, expected or not, into the one error body; never leaks stack traces or SQL. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.code === ErrorCode.Busy) {
      this.logger.warn(`Answered 503 BUSY: ${exception instanceof Error ? exception.message : String(exception)}`);
    } else if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (res.headersSent) return;
    if (body.code === ErrorCode.Busy) res.setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
    if (exception instanceof RateLimitedError) res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    res.status(body.statusCode).json(body);
  }

  /** Errors of Express's body parsing and URL decoding, raw or wrapped by Nest's adapter as the cause. */
  private parserError(exception: unknown): ApiErrorBody | null {
    const raw = (exception instanceof HttpException ? exception.cause : exception) as { type?: string; status?: number } | undefined;
    if (raw instanceof URIError)
      return buildErrorBody(400, ErrorCode.ValidationFailed, 'The address contains an invalid percent-encoding.');
    switch (raw?.type) {
      case 'entity.parse.failed':
        return buildErrorBody(400, ErrorCode.MalformedJson, 'The request body is not valid JSON. Send a JSON object, e.g. {"email": "…"}.');
      case 'entity.too.large':
        return buildErrorBody(413, ErrorCode.PayloadTooLarge, 'The request body is too large (at most 100 kB).');
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return buildErrorBody(415, ErrorCode.ValidationFailed, 'The request body must be UTF-8 encoded JSON.');
      default:
        return null;
    }
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof DomainError) {
      return buildErrorBody(exception.status, exception.code, exception.message, exception.details);
    }
    const parserError = this.parserError(exception);
    if (parserError) return parserError;
    if (exception instanceof ThrottlerException) {
      return buildErrorBody(429, ErrorCode.RateLimited, 'Too many attempts. Please wait a moment and try again.');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      if (Array.isArray(message)) message = message.join('; ');
      if (
        status === HttpStatus.NOT_FOUND &&
        typeof message === 'string' &&
        /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(message)
      ) {
        message = `There is no API route ${message.replace(/^Cannot /, '')}.`;
      }
      if (status >= 500) return buildErrorBody(status, ErrorCode.Internal, 'Something went wrong on our side. Please try again later.');
      return buildErrorBody(
        status,
        CODE_FOR_STATUS[status] ?? ErrorCode.ValidationFailed,
        typeof message === 'string' ? message : exception.message,
      );
    }
    return (
      databaseErrorBody(exception) ?? buildErrorBody(500, ErrorCode.Internal, 'Something went wrong on our side. Please try again later.')
    );
  }
}
