/**
 * The programme's ten outreach languages (DOMAIN.md), in the order the language chooser shows them.
 * German is the source and the fallback of every text.
 *
 * Leichte Sprache is German with its own texts. It is keyed `de-x-ls`, a BCP 47 private-use tag on
 * German: i18next falls back from it to `de` for any text it does not carry, `Intl` formats dates and
 * numbers for it as German, and pages and mails declare it as `lang="de"` (`htmlLang`), so screen
 * readers read it with the German voice.
 */
export enum Language {
  German = 'de',
  EasyGerman = 'de-x-ls',
  English = 'en',
  Turkish = 'tr',
  Arabic = 'ar',
  Bulgarian = 'bg',
  Romanian = 'ro',
  Polish = 'pl',
  Ukrainian = 'uk',
  Russian = 'ru',
}

export const LANGUAGES: readonly Language[] = [
  Language.German,
  Language.EasyGerman,
  Language.English,
  Language.Turkish,
  Language.Arabic,
  Language.Bulgarian,
  Language.Romanian,
  Language.Polish,
  Language.Ukrainian,
  Language.Russian,
];
export const DEFAULT_LANGUAGE = Language.German;
/** Languages written right to left; the web sets dir="rtl" on <html> for them. */
export const RTL_LANGUAGES: readonly string[] = [Language.Arabic];

/** Each language named in itself (the chooser shows these, whatever the current language). */
export const LANGUAGE_ENDONYMS: Readonly<Record<Language, string>> = {
  [Language.German]: 'Deutsch',
  [Language.EasyGerman]: 'Leichte Sprache',
  [Language.English]: 'English',
  [Language.Turkish]: 'Türkçe',
  [Language.Arabic]: 'العربية',
  [Language.Bulgarian]: 'Български',
  [Language.Romanian]: 'Română',
  [Language.Polish]: 'Polski',
  [Language.Ukrainian]: 'Українська',
  [Language.Russian]: 'Русский',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The `lang` attribute for a language's pages and mails: Leichte Sprache is German. */
export function htmlLang(language: Language): string {
  return language === Language.EasyGerman ? Language.German : language;
}

/**
 * The locale `Intl` formats dates, numbers and money with: German formats for Leichte Sprache, British
 * English, and Arabic with the digits 0–9 that the city's letters, house numbers and bus lines use.
 */
export function intlLocale(language: Language): string {
  return INTL_LOCALES[language] ?? language;
}
const INTL_LOCALES: Partial<Record<Language, string>> = {
  [Language.German]: 'de-DE',
  [Language.EasyGerman]: 'de-DE',
  [Language.English]: 'en-GB',
  [Language.Arabic]: 'ar-u-nu-latn',
};

export function textDirection(language: string): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
}

/**
 * The best of our languages for an Accept-Language header or `navigator.languages` (in order of
 * preference; q-values are honoured): an exact tag first, then its base language ("tr-TR" → tr,
 * "de-AT" → de). Leichte Sprache is only chosen explicitly, never from a browser's German.
 */
export function negotiateLanguage(preferences: string | readonly string[] | null | undefined): Language | null {
  const ranked =
    typeof preferences === 'string'
      ? preferences
          .split(',')
          .map((part, index) => {
            const [tag, ...params] = part.trim().split(';');
            const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
            return { tag: tag.trim().toLowerCase(), q: q ? Number(q[1]) : 1, index };
          })
          .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
          .sort((a, b) => b.q - a.q || a.index - b.index)
          .map((entry) => entry.tag)
      : (preferences ?? []).map((tag) => tag.toLowerCase());
  for (const tag of ranked) {
    if (isLanguage(tag)) return tag;
    const base = tag.split('-')[0];
    if (isLanguage(base)) return base;
  }
  return null;
}

/**
 * A link that opens the platform in `language` (`?lang=`), also on a device that has never seen it:
 * mails, calendar entries and printed QR codes carry it. German, the default, needs no parameter.
 */
export function inLanguage<T extends string | undefined>(link: T, language: Language): T {
  if (!link || language === DEFAULT_LANGUAGE) return link;
  try {
    const url = new URL(link);
    url.searchParams.set('lang', language);
    return url.toString() as T;
  } catch {
    return link;
  }
}
