import { DEFAULT_LANGUAGE, LANGUAGES, RTL_LANGUAGES, type Language } from '@app/shared';
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
const localeFiles = import.meta.glob<Texts>(['../locales/*.json', '!../locales/*.de.json', '!../locales/de.json'], { import: 'default' });

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

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // storage disabled (private mode, strict settings)
  }
}

function applyToDocument(language: string): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
}

/** Switches the UI language, updates <html lang/dir> and remembers the choice on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Remembering is a convenience; the switch itself still works.
  }
  await i18n.changeLanguage(language);
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
    lng: storedLanguage() ?? DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
applyToDocument(i18n.language);

export default i18n;
