import type { PipeTransform } from '@nestjs/common';
import { ErrorCode, INDICATOR_KEY_PATTERN } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Indicators in paths: the key (lower-cased) or the id; anything else is a 400. */
export const indicatorKeyPipe: PipeTransform<string, string> = {
  transform(value: string): string {
    const key = String(value).toLowerCase();
    if (!INDICATOR_KEY_PATTERN.test(key) && !UUID_PATTERN.test(key)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The indicator in the address is neither a key nor an id.', [
        { field: 'key', messages: ['key must be an indicator key (2 to 40 lower-case letters, digits or underscores) or an id'] },
      ]);
    }
    return key;
  },
};
