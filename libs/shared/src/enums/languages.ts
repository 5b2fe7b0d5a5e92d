/** Languages the UI and mails are available in today. Outreach languages follow (see DOMAIN.md). */
export enum Language {
  German = 'de',
  English = 'en',
}

export const LANGUAGES: readonly Language[] = [Language.German, Language.English];
export const DEFAULT_LANGUAGE = Language.German;
/** Languages written right to left; the web sets dir="rtl" on <html> for them. */
export const RTL_LANGUAGES: readonly string[] = ['ar'];
