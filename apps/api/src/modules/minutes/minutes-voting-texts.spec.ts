import { LANGUAGES, VOTING_TYPES, votingType, type RoundDefinition } from '@app/shared';
import { MINUTES_TEXTS, tr, type MinutesTextKey } from './minutes.i18n';

describe('minutes texts of the voting types', () => {
  it('every voting type names minutes texts that exist in every language and fills their placeholders', () => {
    for (const type of VOTING_TYPES) {
      for (const parameters of [
        { maxChoices: null, points: null, budgetCents: null },
        { maxChoices: 2, points: 5, budgetCents: 500_000 },
      ]) {
        const round: RoundDefinition = { type, options: [], ...parameters };
        const label = votingType(type).texts.minutes(round);
        for (const lang of LANGUAGES) {
          expect(Object.keys(MINUTES_TEXTS[lang]).some((key) => key === label.key || key.startsWith(`${label.key}_`))).toBe(true);
          const text = tr(lang, label.key as MinutesTextKey, label.values);
          expect(text).not.toMatch(/[{}]/);
          expect(text).not.toBe(label.key);
        }
      }
    }
  });
});
