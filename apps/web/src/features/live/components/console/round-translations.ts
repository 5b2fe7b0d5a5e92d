import { VOTING_OPTION_LABEL_MAX, VOTING_QUESTION_MAX, type LiveRound, type VotingTypeDefinition } from '@app/shared';
import type { TFunction } from 'i18next';
import type { FieldValues, TranslatableField } from './TranslationsEditor';

/** What a moderator may translate of a round: the question, and each of their own option labels. */
export function roundFields(t: TFunction, question: string, labels: readonly string[]): TranslatableField[] {
  return [
    { key: 'question', label: t('live.console.voting.question'), original: question, maxLength: VOTING_QUESTION_MAX },
    ...labels.map((label, i) => ({
      key: `option-${i}`,
      label: t('live.console.translations.option', { number: i + 1 }),
      original: label,
      maxLength: VOTING_OPTION_LABEL_MAX,
    })),
  ];
}

/** A translation's field values as the API takes them (options only for the moderator's labels). */
export function translationInput(values: FieldValues, optionCount: number | null): { question: string; options?: string[] } {
  const question = (values.question ?? '').trim();
  if (optionCount === null) return { question };
  return { question, options: Array.from({ length: optionCount }, (_, i) => (values[`option-${i}`] ?? '').trim()) };
}

/** The hint of a round's translations: fixed options need none. */
export const fixedOptionsHint = (t: TFunction, definition: VotingTypeDefinition) =>
  definition.options.kind === 'fixed' ? t('live.console.translations.fixedOptions') : undefined;

/** A round's saved translations as field values (for the console's editor). */
export function savedValues(round: Pick<LiveRound, 'translations'>): Partial<Record<string, FieldValues>> {
  return Object.fromEntries(
    Object.entries(round.translations).map(([language, translation]) => [
      language,
      Object.fromEntries([['question', translation!.question], ...translation!.options.map((label, i) => [`option-${i}`, label])]),
    ]),
  );
}
