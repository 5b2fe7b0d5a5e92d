import { DEFAULT_LANGUAGE, type LocalizedText } from '@app/shared';
import { isLanguage } from './i18n';

/** Picks the text in the UI language, falling back to German (always present). */
export function localized(text: LocalizedText, language: string): string {
  return (isLanguage(language) ? text[language] : '') || text[DEFAULT_LANGUAGE];
}
