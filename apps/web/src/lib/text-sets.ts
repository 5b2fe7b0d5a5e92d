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
 * (registerTextSet), so that even the list of its files stays in its own chunk: `funds` (the
 * Aktionsraumfonds pages, the online vote's texts under `funds.vote` too), `admin` (the administration's pages) and `budget` (the budget vote's full
 * result: bar, lists, ties, `live.budget.*` beyond the phone's summary, on the projector and in the console).
 */
const SETS = import.meta.glob<Texts>(['../locales/sign-language.*.json', '../locales/legal.*.json', '../locales/console.*.json'], {
  import: 'default',
});
export type TextSet = 'sign-language' | 'legal' | 'console' | 'funds' | 'budget' | 'admin';

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
const inFlight = new Map<string, Promise<void>>();

async function loadOne(set: TextSet, lang: string): Promise<void> {
  const id = `${set}.${lang}`;
  // Only into a language whose own texts are in: an earlier bundle would make i18next skip loading them.
  if (loaded.has(id) || !i18n.hasResourceBundle(lang, 'translation')) return;
  const running = inFlight.get(id);
  if (running) return running;
  const loading = (async () => {
    const texts = await loader(set, id)?.();
    if (texts) i18n.addResourceBundle(lang, 'translation', texts, true, false);
    loaded.add(id);
  })().finally(() => inFlight.delete(id));
  inFlight.set(id, loading);
  return loading;
}

/**
 * While a set's texts are on their way, <html data-texts-loading> says so: a person's screen reader
 * and the browser tests can tell the German fallback of a moment from the page's final texts.
 */
let pending = 0;
function tracked(loading: Promise<void>): Promise<void> {
  pending += 1;
  document.documentElement.dataset.textsLoading = 'true';
  return loading.finally(() => {
    pending -= 1;
    // Cleared after the next frame, once the pages showing the new texts have rendered them.
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (pending === 0) delete document.documentElement.dataset.textsLoading;
      }, 0),
    );
  });
}

function load(set: TextSet, language: string): Promise<void> {
  return tracked(
    (async () => {
      for (const lang of new Set([language, DEFAULT_LANGUAGE])) await loadOne(set, lang);
    })(),
  );
}

/** The sets on screen now: a change of language starts their loading at once, in the same event. */
const mounted = new Map<TextSet, number>();
i18n.on('languageChanged', (language: string) => {
  for (const [set, count] of mounted) if (count > 0) void load(set, language).catch(() => undefined);
});

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
    mounted.set(set, (mounted.get(set) ?? 0) + 1);
    return () => void mounted.set(set, (mounted.get(set) ?? 1) - 1);
  }, [set]);
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
