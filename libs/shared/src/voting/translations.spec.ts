import { VotingType } from '../enums/assembly';
import { Language } from '../enums/languages';
import { defineRound } from './registry';
import { checkRoundTranslation, checkRoundTranslations, checkTitleTranslation, optionLabelIn, questionIn, titleIn } from './translations';

const choice = { type: VotingType.SingleChoice, options: defineRound(VotingType.SingleChoice, { options: ['Holz', 'Stein'] }).options };
const yesNo = { type: VotingType.YesNoAbstain, options: defineRound(VotingType.YesNoAbstain, {}).options };
const fields = (problems: Array<{ field: string }>) => problems.map((p) => p.field);

describe('the moderator’s translations of typed texts', () => {
  it('take one label per option, trimmed and different, in another language than the original', () => {
    expect(checkRoundTranslation(choice, { language: Language.Turkish, question: ' Bank? ', options: [' Ahşap ', 'Taş'] })).toEqual({
      translation: { question: 'Bank?', options: ['Ahşap', 'Taş'] },
      problems: [],
    });
    expect(fields(checkRoundTranslation(choice, { language: Language.German, question: 'Bank?', options: ['A', 'B'] }).problems)).toEqual([
      'language',
    ]);
    expect(fields(checkRoundTranslation(choice, { language: 'xx' as Language, question: ' ', options: ['A'] }).problems)).toEqual([
      'language',
      'question',
      'options',
    ]);
    expect(fields(checkRoundTranslation(choice, { language: Language.Arabic, question: 'Q', options: ['أ', ' أ '] }).problems)).toEqual([
      'options',
    ]);
    expect(fields(checkRoundTranslation(choice, { language: Language.Arabic, question: 'Q', options: ['أ', ''] }).problems)).toEqual([
      'options.1',
    ]);
    // Leichte Sprache is a language of its own: the moderator may write the question in it too.
    expect(
      checkRoundTranslation(choice, { language: Language.EasyGerman, question: 'Welche Bank?', options: ['Holz-Bank', 'Stein-Bank'] })
        .problems,
    ).toEqual([]);
  });

  it('need no labels for fixed options (the glossary names them) and refuse them', () => {
    expect(checkRoundTranslation(yesNo, { language: Language.Polish, question: 'Czy?' })).toEqual({
      translation: { question: 'Czy?', options: [] },
      problems: [],
    });
    expect(
      fields(checkRoundTranslation(yesNo, { language: Language.Polish, question: 'Czy?', options: ['Tak', 'Nie', 'X'] }).problems),
    ).toEqual(['options']);
  });

  it('name each language once when given together, with the field of each', () => {
    const { translations, problems } = checkRoundTranslations(yesNo, [
      { language: Language.Turkish, question: 'Mi?' },
      { language: Language.Turkish, question: 'Mı?' },
      { language: Language.German, question: 'Ob?' },
    ]);
    expect(fields(problems)).toEqual(['translations.1.language', 'translations.2.language']);
    expect(Object.keys(translations)).toContain('tr');
  });

  it('are shown where they exist, the original elsewhere (with its language)', () => {
    const round = { ...choice, question: 'Bank?', translations: { tr: { question: 'Bank mı?', options: ['Ahşap', 'Taş'] } } };
    expect(questionIn(round, Language.Turkish)).toEqual({ text: 'Bank mı?', language: 'tr', translated: true });
    expect(questionIn(round, Language.Arabic)).toEqual({ text: 'Bank?', language: 'de', translated: false });
    expect(optionLabelIn(round, round.options[1], Language.Turkish)).toEqual({ text: 'Taş', language: 'tr', translated: true });
    expect(optionLabelIn(round, { optionId: 'o1', label: 'Holz' }, Language.Turkish).text).toBe('Ahşap');
    expect(optionLabelIn(round, round.options[0], Language.German)).toEqual({ text: 'Holz', language: 'de', translated: false });
    expect(titleIn({ title: 'Begrüßung', translations: { uk: { title: 'Вітання' } } }, Language.Ukrainian).text).toBe('Вітання');
    expect(titleIn({ title: 'Begrüßung' }, Language.Ukrainian)).toEqual({ text: 'Begrüßung', language: 'de', translated: false });
    expect(fields(checkTitleTranslation('de', ' ').problems)).toEqual(['language', 'title']);
  });
});
