import { intlLocale, Language } from '@app/shared';
import { MINUTES_TEXTS, tr } from './minutes.i18n';

describe('minutes texts that name a number follow the plural rules', () => {
  const summary = { approved: 1, pending: 0, rejected: 0 };

  it('writes one proposal and one point in the singular, more in the plural, in German and English', () => {
    expect(tr(Language.German, 'proposalsSummary', { ...summary, total: 1 })).toBe(
      '1 Vorschlag eingegangen: 1 zugelassen, 0 nicht bearbeitet, 0 abgelehnt.',
    );
    expect(tr(Language.German, 'proposalsSummary', { ...summary, total: 3 })).toMatch(/^3 Vorschläge eingegangen/);
    expect(tr(Language.German, 'proposalsSummary', { ...summary, total: 0 })).toMatch(/^0 Vorschläge eingegangen/);
    expect(tr(Language.English, 'proposalsSummary', { ...summary, total: 1 })).toMatch(/^1 proposal received/);
    expect(tr(Language.English, 'proposalsSummary', { ...summary, total: 2 })).toMatch(/^2 proposals received/);
    expect(tr(Language.German, 'typeDotVoting', { points: 1 })).toBe('Punktabstimmung (1 Punkt je Person)');
    expect(tr(Language.German, 'typeDotVoting', { points: 5 })).toBe('Punktabstimmung (5 Punkte je Person)');
    expect(tr(Language.English, 'typeDotVoting', { points: 1 })).toBe('Dot voting (1 point per person)');
  });

  it.each([Language.Polish, Language.Russian, Language.Ukrainian, Language.Arabic, Language.Romanian])(
    'uses the form of the number the language needs (%s: 1, 2, 5, 22, 100)',
    (lang) => {
      for (const total of [1, 2, 5, 22, 100]) {
        const form = new Intl.PluralRules(intlLocale(lang)).select(total);
        const expected = MINUTES_TEXTS[lang][`proposalsSummary_${form}`]
          .replace('{{total}}', String(total))
          .replace('{{approved}}', '1')
          .replace('{{pending}}', '0')
          .replace('{{rejected}}', '0');
        expect(tr(lang, 'proposalsSummary', { ...summary, total })).toBe(expected);
      }
    },
  );
});
