import { DEFAULT_LANGUAGE, isLanguage, negotiateLanguage, type Language } from '@app/shared';

/**
 * The language a contribution is taken to be written in when its author did not say (an API client;
 * the web's forms always send the author's choice): the account's language, else what the request's
 * Accept-Language prefers among ours (a guest's phone in the live assembly), else German.
 */
export function assumedLanguage(account: { language: string } | null | undefined, acceptLanguage: string | undefined): Language {
  if (account && isLanguage(account.language)) return account.language;
  return negotiateLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE;
}
