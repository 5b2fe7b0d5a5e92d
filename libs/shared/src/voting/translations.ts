/**
 * The moderator's own translations of what they typed (a round's question and option labels, an
 * agenda item's title). The typed text is the original and stays as it is: a translation is added
 * beside it, per language, and never changes the original, the options' ids or a ballot. Fixed
 * options (yes/no/abstain) need none: clients name them from the glossary in every language.
 */
import { LANGUAGES, Language, type Language as LanguageCode } from '../enums/languages';
import type { VotingOption } from '../types/assemblies';
import type { RoundDefinition, VotingProblem } from './model';
import { votingType } from './registry';

/** The language moderators type questions, options and agenda titles in (the city's working language). */
export const ORIGINAL_LANGUAGE = Language.German;
/** The languages a moderator may add a translation in: every other one (Leichte Sprache too). */
export const TRANSLATION_LANGUAGES: readonly Language[] = LANGUAGES.filter((l) => l !== ORIGINAL_LANGUAGE);

/** Lengths of the typed texts, for originals and their translations alike. */
export const VOTING_QUESTION_MAX = 300;
export const VOTING_OPTION_LABEL_MAX = 200;
export const AGENDA_ITEM_TITLE_MAX = 200;

/** A round's question and its option labels (in the round's option order) in one language. */
export interface RoundTranslation {
  question: string;
  /** One label per option of the round, in its order; empty for fixed options (the glossary names them). */
  options: string[];
}
export type RoundTranslations = Partial<Record<LanguageCode, RoundTranslation>>;

/** An agenda item's title in one language. */
export interface TitleTranslation {
  title: string;
}
export type TitleTranslations = Partial<Record<LanguageCode, TitleTranslation>>;

/** One translation as the console sends it (with a new round, or to add or replace one later). */
export interface RoundTranslationInput {
  language: LanguageCode;
  question: string;
  /** The moderator's option labels only; leave out for yes/no/abstain. */
  options?: string[];
}

function languageProblem(language: string, field: string): VotingProblem[] {
  if (language === ORIGINAL_LANGUAGE)
    return [{ field, message: `${ORIGINAL_LANGUAGE} is the language of the original text; a translation needs another language` }];
  return TRANSLATION_LANGUAGES.includes(language as Language)
    ? []
    : [{ field, message: `language must be one of ${TRANSLATION_LANGUAGES.join(', ')}` }];
}

/**
 * A translation of a round, checked against the round: another language than the original, a
 * question, and for the moderator's labels exactly one label per option (trimmed, not empty, as
 * long as an original may be, different from each other); a round with fixed options takes none.
 * `prefix` names the fields inside a larger payload (e.g. `translations.0.`).
 */
export function checkRoundTranslation(
  round: Pick<RoundDefinition, 'type' | 'options'>,
  input: RoundTranslationInput,
  prefix = '',
): { translation: RoundTranslation; problems: VotingProblem[] } {
  const problems = languageProblem(input.language, `${prefix}language`);
  const question = input.question.trim();
  if (!question || question.length > VOTING_QUESTION_MAX)
    problems.push({ field: `${prefix}question`, message: `question must be 1 to ${VOTING_QUESTION_MAX} characters` });
  const labels = (input.options ?? []).map((l) => l.trim());
  if (votingType(round.type).options.kind === 'fixed') {
    if (labels.length)
      problems.push({
        field: `${prefix}options`,
        message: 'this round has fixed options, which every language names on its own; send no options',
      });
    return { translation: { question, options: [] }, problems };
  }
  if (labels.length !== round.options.length)
    problems.push({
      field: `${prefix}options`,
      message: `options must have one label per option of the round (${round.options.length}), in its order`,
    });
  labels.forEach((label, i) => {
    if (!label || label.length > VOTING_OPTION_LABEL_MAX)
      problems.push({ field: `${prefix}options.${i}`, message: `each label must be 1 to ${VOTING_OPTION_LABEL_MAX} characters` });
  });
  if (new Set(labels.map((l) => l.toLowerCase())).size !== labels.length)
    problems.push({ field: `${prefix}options`, message: 'options must be different from each other' });
  return { translation: { question, options: labels }, problems };
}

/** Several translations at once (a new round): each checked, each language once. */
export function checkRoundTranslations(
  round: Pick<RoundDefinition, 'type' | 'options'>,
  inputs: readonly RoundTranslationInput[],
  field = 'translations',
): { translations: RoundTranslations; problems: VotingProblem[] } {
  const translations: RoundTranslations = {};
  const problems: VotingProblem[] = [];
  inputs.forEach((input, i) => {
    const checked = checkRoundTranslation(round, input, `${field}.${i}.`);
    problems.push(...checked.problems);
    if (input.language in translations) problems.push({ field: `${field}.${i}.language`, message: 'each language may appear once' });
    translations[input.language] = checked.translation;
  });
  return { translations, problems };
}

/** An agenda item's title in another language, checked like the original title. */
export function checkTitleTranslation(language: string, title: string): { translation: TitleTranslation; problems: VotingProblem[] } {
  const problems = languageProblem(language, 'language');
  const trimmed = title.trim();
  if (!trimmed || trimmed.length > AGENDA_ITEM_TITLE_MAX)
    problems.push({ field: 'title', message: `title must be 1 to ${AGENDA_ITEM_TITLE_MAX} characters` });
  return { translation: { title: trimmed }, problems };
}

/** What a client shows of a typed text: the translation into `language` when there is one, else the original. */
export interface ShownText {
  text: string;
  /** The language of `text` (a Language code; Leichte Sprache stays de-x-ls, use htmlLang for `lang`). */
  language: LanguageCode;
  /** true: the moderator's translation (say so, and offer the original). */
  translated: boolean;
}

/** A round's question in a language: the moderator's translation, or the original. */
export function questionIn(round: { question: string; translations?: RoundTranslations }, language: LanguageCode): ShownText {
  const translation = language === ORIGINAL_LANGUAGE ? undefined : round.translations?.[language];
  return translation
    ? { text: translation.question, language, translated: true }
    : { text: round.question, language: ORIGINAL_LANGUAGE, translated: false };
}

/**
 * An option's typed label in a language: the translation's label at the option's place, or the
 * original. Fixed options are not typed: clients name them from their texts (see translatesOptionLabels).
 */
export function optionLabelIn(
  round: { options: readonly VotingOption[]; translations?: RoundTranslations },
  option: Pick<VotingOption, 'label'> & { id?: string; optionId?: string },
  language: LanguageCode,
): ShownText {
  const id = option.id ?? option.optionId;
  const index = round.options.findIndex((o) => o.id === id);
  const label = language === ORIGINAL_LANGUAGE || index < 0 ? undefined : round.translations?.[language]?.options[index];
  return label ? { text: label, language, translated: true } : { text: option.label, language: ORIGINAL_LANGUAGE, translated: false };
}

/** An agenda item's title in a language: the moderator's translation, or the original. */
export function titleIn(item: { title: string; translations?: TitleTranslations }, language: LanguageCode): ShownText {
  const translation = language === ORIGINAL_LANGUAGE ? undefined : item.translations?.[language];
  return translation
    ? { text: translation.title, language, translated: true }
    : { text: item.title, language: ORIGINAL_LANGUAGE, translated: false };
}
