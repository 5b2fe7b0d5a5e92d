import { DEFAULT_LANGUAGE, LANGUAGES, RTL_LANGUAGES, type Language } from '@app/shared';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import assembliesDe from '../locales/assemblies.de.json';
import assembliesEn from '../locales/assemblies.en.json';
import de from '../locales/de.json';
import en from '../locales/en.json';
import liveDe from '../locales/live.de.json';
import liveEn from '../locales/live.en.json';
// projects.*.json hold two top-level keys: `projects` (the feature) and `workflow` (the shared workflow's texts).
import projectsDe from '../locales/projects.de.json';
import projectsEn from '../locales/projects.en.json';
// report.*.json share the top-level key `report` with the proposal report dialog's few texts in de/en.json.
import reportDe from '../locales/report.de.json';
import reportEn from '../locales/report.en.json';

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

void i18n.use(initReactI18next).init({
  // Larger features keep their texts in their own files, under their own top-level key.
  resources: {
    de: { translation: { ...de, assemblies: assembliesDe, live: liveDe, ...projectsDe, report: { ...de.report, ...reportDe } } },
    en: { translation: { ...en, assemblies: assembliesEn, live: liveEn, ...projectsEn, report: { ...en.report, ...reportEn } } },
  },
  lng: storedLanguage() ?? DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyToDocument(i18n.language);

export default i18n;
