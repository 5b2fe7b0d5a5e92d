import {
  htmlLang,
  isLanguage,
  optionLabelIn,
  questionIn,
  textDirection,
  titleIn,
  translatesOptionLabels,
  type AgendaItem,
  type Language,
  type LiveRound,
  type ShownText,
  type VotingOption,
} from '@app/shared';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What moderators typed (questions, options, agenda titles) is shown as typed, or in the moderator's
 * translation into the reader's language where there is one (libs/shared voting/translations.ts);
 * either way with its language for screen readers and its direction.
 */

/** A text to show: its language (null: the page's own text, e.g. a fixed option named in the page's language). */
export interface Shown {
  text: string;
  language: Language | null;
  /** The moderator's translation (not the typed original). */
  translated: boolean;
}

/** An option's name: fixed options (yes/no/abstain) in the language of `t`; typed labels as translated or typed. */
export function optionShown(
  t: TFunction,
  round: Pick<LiveRound, 'type' | 'options' | 'translations'>,
  option: Pick<VotingOption, 'label'> & { id?: string; optionId?: string },
  language: Language,
): Shown {
  if (translatesOptionLabels(round))
    return { text: t(`live.vote.fixed.${option.label.toLowerCase()}`, { defaultValue: option.label }), language: null, translated: false };
  return optionLabelIn(round, option, language);
}

export const questionShown = (round: Pick<LiveRound, 'question' | 'translations'>, language: Language): ShownText =>
  questionIn(round, language);
export const titleShown = (item: Pick<AgendaItem, 'title' | 'translations'>, language: Language): ShownText => titleIn(item, language);

/** The attributes of a text in its own language: `lang` for the voice, `dir` for its direction (typed originals: auto). */
export function langAttributes(text: Pick<Shown, 'language' | 'translated'>): { lang?: string; dir?: 'ltr' | 'rtl' | 'auto' } {
  if (!text.language) return {};
  return { lang: htmlLang(text.language), dir: text.translated ? textDirection(text.language) : 'auto' };
}

/** A shown text in an element of its own, with its lang and dir. */
export function Typed({ text, className, as: Tag = 'span' }: { text: Shown; className?: string; as?: 'span' | 'p' | 'bdi' }) {
  return (
    <Tag className={className} {...langAttributes(text)}>
      {text.text}
    </Tag>
  );
}

/** The hall screen's second language with its texts (fixed UI texts through `t`). */
export interface SecondLanguage {
  language: Language;
  t: TFunction;
}

/** A text of the second language: its own block or line, with its lang and dir (Arabic right to left in it). */
export function Second({ second, children, className = '' }: { second: SecondLanguage; children: ReactNode; className?: string }) {
  return (
    <span className={`live-second ${className}`.trim()} lang={htmlLang(second.language)} dir={textDirection(second.language)}>
      {children}
    </span>
  );
}

/**
 * The texts of a second language (null until they are loaded): every language but German is fetched
 * when first needed (lib/i18n), so a projector loads its second language once, on demand.
 */
export function useSecondLanguage(language: string | null | undefined): SecondLanguage | null {
  const { i18n } = useTranslation();
  const wanted = isLanguage(language) && language !== i18n.resolvedLanguage ? language : null;
  const [loaded, setLoaded] = useState<Language | null>(null);
  useEffect(() => {
    if (!wanted) return undefined;
    let active = true;
    void i18n.loadLanguages(wanted).then(() => {
      if (active) setLoaded(wanted);
    });
    return () => {
      active = false;
    };
  }, [i18n, wanted]);
  const ready = wanted && loaded === wanted ? wanted : null;
  return useMemo(() => (ready ? { language: ready, t: i18n.getFixedT(ready) } : null), [i18n, ready]);
}
