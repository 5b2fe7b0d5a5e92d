import { DEFAULT_LANGUAGE, isLanguage, type ExplanationKey, type Language } from '@app/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

export type Explanations = Readonly<Record<ExplanationKey, string>>;

/**
 * The short explanations of the hard terms, read from the one glossary per language in libs/shared
 * (the API's minutes and the translators use the same files). Each language's file is its own small
 * chunk, fetched the first time a page shows a term in that language: it never weighs on the first
 * load of a page, and a reader downloads one language, not ten.
 */
const files = import.meta.glob<string>('../../../../libs/shared/src/glossary/*.json', {
  // As text, parsed here: glossary.ts (reached through @app/shared) imports the same files as modules,
  // and a module that is also a lazy chunk would be pulled into every page's first load through it.
  query: '?raw',
  import: 'default',
});

const path = (language: string) => `../../../../libs/shared/src/glossary/${language}.json`;

async function loadExplanations(language: Language): Promise<Explanations> {
  const load = files[path(language)] ?? files[path(DEFAULT_LANGUAGE)];
  return (JSON.parse(await load()) as { explanations: Explanations }).explanations;
}

/** The explanations in the UI language; `data` is undefined until the file is in. */
export function useExplanations() {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return useQuery({
    queryKey: ['glossary', language],
    queryFn: () => loadExplanations(language),
    // A file of the build: it does not change while the page is open.
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
