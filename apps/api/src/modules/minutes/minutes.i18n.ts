import { DEFAULT_LANGUAGE, intlLocale, Language } from '@app/shared';
import ar from './locales/ar.json';
import bg from './locales/bg.json';
import de from './locales/de.json';
import deLs from './locales/de-x-ls.json';
import en from './locales/en.json';
import pl from './locales/pl.json';
import ro from './locales/ro.json';
import ru from './locales/ru.json';
import trTexts from './locales/tr.json';
import uk from './locales/uk.json';

/**
 * The minutes' own translation table, one JSON file per language in ./locales (German is the source;
 * `npm run i18n:check` keeps the others complete). The minutes are a document, not UI: the same
 * conventions as the web's texts ({{placeholders}}, plural forms as `key_one`, `key_few` … `key_other`).
 */
type Texts = typeof de;
type BaseKey<K> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K;
export type MinutesTextKey = BaseKey<keyof Texts>;

export const MINUTES_TEXTS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  [Language.German]: de,
  [Language.EasyGerman]: deLs,
  [Language.English]: en,
  [Language.Turkish]: trTexts,
  [Language.Arabic]: ar,
  [Language.Bulgarian]: bg,
  [Language.Romanian]: ro,
  [Language.Polish]: pl,
  [Language.Ukrainian]: uk,
  [Language.Russian]: ru,
};

/** Texts that name a number: the value that decides the plural form. */
const PLURAL_BY: Partial<Record<MinutesTextKey, string>> = { proposalsSummary: 'total', typeDotVoting: 'points' };

function text(lang: Language, key: string): string | undefined {
  return MINUTES_TEXTS[lang][key] ?? MINUTES_TEXTS[DEFAULT_LANGUAGE][key];
}

/** A text with {{placeholders}} filled in; "1 Vorschlag", not "1 Vorschläge" (the language's plural rules). */
export function tr(lang: Language, key: MinutesTextKey, values: Record<string, string | number> = {}): string {
  const by = PLURAL_BY[key];
  const chosen =
    by === undefined
      ? text(lang, key)
      : (text(lang, `${key}_${new Intl.PluralRules(intlLocale(lang)).select(Number(values[by]))}`) ?? text(lang, `${key}_other`));
  return (chosen ?? key).replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}
