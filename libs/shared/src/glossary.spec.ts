import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENDA_ITEM_TYPES } from './enums/assembly';
import { Language } from './enums/languages';
import { englishWordsIn, GLOSSARY } from './glossary';

const locales = join(__dirname, '../../../apps/web/src/locales');
const read = (file: string): unknown => JSON.parse(readFileSync(join(locales, file), 'utf8'));

describe('one name per thing (the glossary and the web locale files)', () => {
  it.each([Language.German, Language.English])('the form, console, phone and projector use the glossary words (%s)', (lang) => {
    const words = GLOSSARY[lang];
    const assemblies = read(`assemblies.${lang}.json`) as { agendaType: Record<string, string> };
    const live = read(`live.${lang}.json`) as { item: { type: Record<string, string> }; vote: { fixed: Record<string, string> } };
    for (const type of AGENDA_ITEM_TYPES) {
      expect(assemblies.agendaType[type]).toBe(words.agendaItemType[type]);
      expect(live.item.type[type]).toBe(words.agendaItemType[type]);
    }
    expect(live.vote.fixed).toEqual(words.fixedOption);
  });

  it('finds English-only words in German text, whole words only', () => {
    expect(englishWordsIn('Ja · Nein · Enthaltung, Moderation: Mara, Aussprache')).toEqual([]);
    expect(englishWordsIn('Yes · No · Abstain')).toEqual(['Yes', 'No', 'Abstain']);
    expect(englishWordsIn('Seite 1 von 2 (Nordmarkt, Stimmabgabe)')).toEqual([]);
  });
});
