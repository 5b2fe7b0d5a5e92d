import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENDA_ITEM_TYPES } from './enums/assembly';
import { intlLocale, LANGUAGES } from './enums/languages';
import { englishWordsIn, GLOSSARY, INDICATOR_TERMS, type ExplanationKey } from './glossary';
import { PROJECT_STATE_INFO, PROJECT_STATES } from './workflow/states';

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

  it.each(LANGUAGES)('the web names every explained term with the glossary word (%s)', (lang) => {
    // The web's Term component shows `terms.<key>` beside its explanation; capitalised as a label may be.
    const same = (a: string, b: string) => expect(a.toLocaleLowerCase(intlLocale(lang))).toBe(b.toLocaleLowerCase(intlLocale(lang)));
    const { terms, explanations } = GLOSSARY[lang];
    const main = read(`${lang}.json`) as { terms: Record<string, string>; areaTypes: Record<string, string> };
    expect(Object.keys(main.terms).sort()).toEqual(Object.keys(explanations).sort());
    for (const key of Object.keys(explanations)) same(main.terms[key], terms[key]);
    // Where a page shows its own label with the explanation (a state's badge, the area type, the join
    // form's label), that label is the glossary word too.
    const projects = read(`projects.${lang}.json`) as { workflow: { states: Record<string, string> } };
    for (const state of PROJECT_STATES) {
      const term = PROJECT_STATE_INFO[state].glossaryTerm;
      if (term) same(projects.workflow.states[state], terms[term]);
    }
    same(main.areaTypes.action_area, terms.actionArea);
    same((read(`assemblies.${lang}.json`) as { join: { code: string } }).join.code, terms.joinCode);
  });

  it('explains the hard steps of the workflow and the hard words of the social report', () => {
    const explained = new Set(Object.keys(GLOSSARY[LANGUAGES[0]].explanations));
    const stateTerms = PROJECT_STATES.map((state) => PROJECT_STATE_INFO[state].glossaryTerm).filter(Boolean);
    expect(stateTerms).toEqual(['singleProject', 'projectType', 'regularOperation']);
    const indicatorTerms: ExplanationKey[] = Object.values(INDICATOR_TERMS).flat();
    expect(indicatorTerms).toEqual(expect.arrayContaining(['sgb2Rate', 'benefitCommunity']));
    for (const term of [...stateTerms, ...indicatorTerms]) expect(explained.has(term as string)).toBe(true);
  });

  it('finds English-only words in German text, whole words only', () => {
    expect(englishWordsIn('Ja · Nein · Enthaltung, Moderation: Mara, Aussprache')).toEqual([]);
    expect(englishWordsIn('Yes · No · Abstain')).toEqual(['Yes', 'No', 'Abstain']);
    expect(englishWordsIn('Seite 1 von 2 (Nordmarkt, Stimmabgabe)')).toEqual([]);
  });
});
