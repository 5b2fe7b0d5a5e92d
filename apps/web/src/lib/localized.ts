import { Language, type LocalizedText } from '@app/shared';

/**
 * Picks a data text (a Handlungsfeld's or indicator's name, entered by the city in German and
 * English) in the UI language if it has one, else German (always present; also for Leichte Sprache).
 */
export function localized(text: LocalizedText, language: string): string {
  return (language === Language.English && text.en) || text.de;
}
