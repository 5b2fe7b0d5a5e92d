import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENDA_ITEM_TYPES } from './enums/assembly';
import { LANGUAGES } from './enums/languages';
import { englishWordsIn, GLOSSARY } from './glossary';

const locales = join(__dirname, '../../../apps/web/src/locales');
const read = (file: string): unknown => JSON.parse(readFileSync(join(locales, file), 'utf8'));

describe('one name per thing (the glossary and the web locale files)', () => {
  it.each(LANGUAGES)('the form, console, phone and projector use the glossary words (%s)', (lang) => {
    const words = GLOSSARY[lang];
    const assemblies = read(`assemblies.${lang}.json`) as { agendaType: Record<string, string> };
    const live = read(`live.${lang}.json`) as { item: { type: Record<string, string> }; vote: { fixed: Record<string, string> } };
    for (const type of AGENDA_ITEM_TYPES) {
      expect(assemblies.agendaType[type]).toBe(words.agendaItemType[type]);
      expect(live.item.type[type]).toBe(words.agendaItemType[type]);
    }
    expect(live.vote.fixed).toEqual(words.fixedOption);
  });

  it.each(LANGUAGES)('names every domain term and explains the hard ones (%s)', (lang) => {
    const source = GLOSSARY[LANGUAGES[0]];
    expect(Object.keys(GLOSSARY[lang].terms).sort()).toEqual(Object.keys(source.terms).sort());
    expect(Object.keys(GLOSSARY[lang].explanations).sort()).toEqual(Object.keys(source.explanations).sort());
    for (const text of [...Object.values(GLOSSARY[lang].terms), ...Object.values(GLOSSARY[lang].explanations)])
      expect(text.trim()).not.toBe('');
  });

  it('finds English-only words in German text, whole words only', () => {
    expect(englishWordsIn('Ja · Nein · Enthaltung, Moderation: Mara, Aussprache')).toEqual([]);
    expect(englishWordsIn('Yes · No · Abstain')).toEqual(['Yes', 'No', 'Abstain']);
    expect(englishWordsIn('Seite 1 von 2 (Nordmarkt, Stimmabgabe)')).toEqual([]);
  });
});
