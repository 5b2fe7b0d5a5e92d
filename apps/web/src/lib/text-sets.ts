import { DEFAULT_LANGUAGE } from '@app/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from './i18n';

type Texts = Record<string, unknown>;

/**
 * Texts that only one or two pages need, kept out of every first load (German included, which is
 * otherwise bundled whole): `<set>.<language>.json` under top-level keys of their own, fetched when the
 * page is opened, for its language and German (the fallback). i18n:check covers them like every other
 * set. `legal`: the privacy notice and the accessibility statement (about 3 KB compressed in German);
 * `console`: the moderator console and the agenda's prepared votes (`live.console.*`, about 2.5 KB);
 * `sign-language`: the administration's page for the video. A feature may register its own set
 * (registerTextSet), so that even the list of its files stays in its own chunk: `funds`, the
 * Aktionsraumfonds pages (the online vote's texts too, under `funds.vote`). `budget`: the budget vote's full result
 * (bar, lists, ties: `live.budget.*` beyond the phone's summary) on the projector and in the console.
 */
const SETS = import.meta.glob<Texts>(
  ['../locales/sign-language.*.json', '../locales/legal.*.json', '../locales/console.*.json', '../locales/budget.*.json'],
  {
    import: 'default',
  },
);
export type TextSet = 'sign-language' | 'legal' | 'console' | 'budget' | 'funds';

type Loaders = Record<string, () => Promise<Texts>>;
const registered = new Map<TextSet, Loaders>();

/** A feature's set: `files` is its import.meta.glob of `<set>.*.json` (keys end in `/<set>.<language>.json`). */
export function registerTextSet(set: TextSet, files: Loaders): void {
  registered.set(set, files);
}

function loader(set: TextSet, id: string): (() => Promise<Texts>) | undefined {
  const own = registered.get(set);
  if (!own) return SETS[`../locales/${id}.json`];
  return Object.entries(own).find(([path]) => path.endsWith(`/${id}.json`))?.[1];
}

const loaded = new Set<string>();

async function load(set: TextSet, language: string): Promise<void> {
  for (const lang of new Set([language, DEFAULT_LANGUAGE])) {
    const id = `${set}.${lang}`;
    // Only into a language whose own texts are in: an earlier bundle would make i18next skip loading them.
    if (loaded.has(id) || !i18n.hasResourceBundle(lang, 'translation')) continue;
    const texts = await loader(set, id)?.();
    if (texts) i18n.addResourceBundle(lang, 'translation', texts, true, false);
    loaded.add(id);
  }
}

/**
 * Loads the set for the page's language (again when the language changes); true once its texts were
 * there for the first time. A change of language does not make it false again: the page stays as it is
 * (its form, what was typed, a live connection) and shows the German fallback for a moment until the
 * new language's texts arrive and re-render it.
 */
export function useTextSet(set: TextSet): boolean {
  const { i18n: instance } = useTranslation();
  const language = instance.resolvedLanguage ?? DEFAULT_LANGUAGE;
  const ready = (lang: string) => loaded.has(`${set}.${lang}`) && loaded.has(`${set}.${DEFAULT_LANGUAGE}`);
  const [readyFor, setReadyFor] = useState(() => (ready(language) ? language : null));
  useEffect(() => {
    let active = true;
    // A set that failed to load shows its keys rather than a page that never appears.
    void load(set, language)
      .catch(() => undefined)
      .then(() => {
        if (active) setReadyFor(language);
      });
    return () => {
      active = false;
    };
  }, [set, language]);
  return readyFor !== null;
}
