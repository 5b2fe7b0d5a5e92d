import {
  DEFAULT_LANGUAGE,
  htmlLang,
  intlLocale,
  isLanguage,
  LANGUAGES,
  negotiateLanguage,
  textDirection,
  type Language,
} from '@app/shared';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import assembliesDe from '../locales/assemblies.de.json';
import de from '../locales/de.json';
import liveDe from '../locales/live.de.json';
// projects.*.json hold two top-level keys: `projects` (the feature) and `workflow` (the shared workflow's texts).
import projectsDe from '../locales/projects.de.json';
// report.*.json share the top-level key `report` with the proposal report dialog's few texts in de/en.json.
import reportDe from '../locales/report.de.json';

type Texts = Record<string, unknown>;

/** One language's texts: larger features keep theirs in their own files, under their own top-level key. */
function compose(base: Texts, assemblies: Texts, live: Texts, projects: Texts, report: Texts): Texts {
  return { ...base, assemblies, live, ...projects, report: { ...(base.report as Texts), ...report } };
}

/**
 * German (the default and the fallback) is part of the main bundle, so the first paint never shows
 * keys; every other language is fetched when it is chosen, one language at a time, so more languages
 * never grow the first load.
 */
// Text sets a page loads itself (lib/text-sets) are left out: this list is part of every first load.
const localeFiles = import.meta.glob<Texts>(
  ['../locales/*.json', '!../locales/*.de.json', '!../locales/de.json', '!../locales/funds.*.json'],
  {
    import: 'default',
  },
);

async function loadLanguage(language: string): Promise<Texts> {
  const file = (name: string) => {
    const load = localeFiles[`../locales/${name}.json`];
    return load ? load() : Promise.resolve({});
  };
  const [base, assemblies, live, projects, report] = await Promise.all(
    ['', 'assemblies.', 'live.', 'projects.', 'report.'].map((prefix) => file(`${prefix}${language}`)),
  );
  return compose(base, assemblies, live, projects, report);
}

const STORAGE_KEY = 'soziale-stadt.language';

export { isLanguage };

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // storage disabled (private mode, strict settings)
  }
}

/** `?lang=tr` in a shared link or a printed QR code: the page opens in that language (and this device keeps it). */
function languageFromUrl(): Language | null {
  try {
    const value = new URLSearchParams(window.location.search).get('lang')?.toLowerCase();
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** The first visit follows the browser's languages (what it sends as Accept-Language). */
function browserLanguage(): Language | null {
  return typeof navigator === 'undefined' ? null : negotiateLanguage(navigator.languages ?? [navigator.language]);
}

function initialLanguage(): Language {
  const fromUrl = languageFromUrl();
  if (fromUrl) remember(fromUrl);
  return fromUrl ?? storedLanguage() ?? browserLanguage() ?? DEFAULT_LANGUAGE;
}

function remember(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Remembering is a convenience; the switch itself still works.
  }
}

function applyToDocument(language: string): void {
  const root = document.documentElement;
  // Leichte Sprache is German for screen readers and hyphenation.
  root.lang = isLanguage(language) ? htmlLang(language) : language;
  root.dir = textDirection(language);
  // The language itself (lang says "de" for Leichte Sprache too), set once its texts are in.
  root.dataset.language = language;
}

/** Switches the UI language, updates <html lang/dir> and remembers the choice on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  remember(language);
  await i18n.changeLanguage(language);
}

/** The locale to format dates, numbers and money with for a UI language (see intlLocale in libs/shared). */
export function formatLocale(language: string = i18n.language): string {
  return isLanguage(language) ? intlLocale(language) : language;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

i18n.on('languageChanged', applyToDocument);

void i18n
  .use(initReactI18next)
  .use({
    type: 'backend',
    init: () => undefined,
    read: (language: string, _namespace: string, done: (error: unknown, texts: Texts | null) => void) => {
      loadLanguage(language).then(
        (texts) => done(null, texts),
        (error: unknown) => done(error, null),
      );
    },
  })
  .init({
    resources: { [DEFAULT_LANGUAGE]: { translation: compose(de, assembliesDe, liveDe, projectsDe, reportDe) } },
    partialBundledLanguages: true,
    // German is bundled: ready at once. Another stored language suspends the app until its texts are in.
    initAsync: false,
    lng: initialLanguage(),
    // Leichte Sprache (de-x-ls) falls back to German through its base language, every other language to German too.
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    lowerCaseLng: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
applyToDocument(i18n.language);

export default i18n;
