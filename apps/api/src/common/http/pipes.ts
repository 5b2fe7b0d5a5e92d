import { ParseUUIDPipe } from '@nestjs/common';
import { ErrorCode } from '@app/shared';
import { DomainError } from '../errors/domain-error';

/** Path ids are UUIDs; anything else is a 400 in the common error shape, not a database error. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new DomainError(ErrorCode.ValidationFailed, 'The id in the address is not valid.', [{ field: 'id', messages: ['id must be a UUID'] }]),
});
