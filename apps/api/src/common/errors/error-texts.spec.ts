import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '@app/shared';

/** Every error code the API can send has a text a person can read, in every language of the web client. */
describe('error codes', () => {
  const locales = ['de', 'en'].map((lang) => ({
    lang,
    errors: (
      JSON.parse(readFileSync(join(__dirname, '../../../../web/src/locales', `${lang}.json`), 'utf8')) as {
        errors: Record<string, string>;
      }
    ).errors,
  }));

  it.each(locales)('are all translated in $lang', ({ errors }) => {
    const missing = Object.values(ErrorCode).filter((code) => !errors[code]?.trim());
    expect(missing).toEqual([]);
  });

  it('are unique', () => {
    const values = Object.values(ErrorCode);
    expect(new Set(values).size).toBe(values.length);
  });
});
