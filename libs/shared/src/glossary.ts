import type { AgendaItemType } from './enums/assembly';
import { Language } from './enums/languages';
import type { VotingOption } from './types/assemblies';
import type { RoundDefinition } from './voting/model';
import { translatesOptionLabels } from './voting/registry';
import ar from './glossary/ar.json';
import bg from './glossary/bg.json';
import de from './glossary/de.json';
import deLs from './glossary/de-x-ls.json';
import en from './glossary/en.json';
import pl from './glossary/pl.json';
import ro from './glossary/ro.json';
import ru from './glossary/ru.json';
import tr from './glossary/tr.json';
import uk from './glossary/uk.json';

/**
 * One name per thing, in every place a person meets it: the assembly form, the moderator's console,
 * the participant's phone, the projector and the minutes. The minutes take their words from here;
 * the web's locale files carry the same words under the keys named below, and a unit test
 * (glossary.spec.ts) keeps them equal, so "Aussprache" in the console cannot become "Diskussion" in
 * the form again.
 */
export interface Glossary {
  /** The kinds of agenda item (web: assemblies.agendaType.*, live.item.type.*). */
  agendaItemType: Readonly<Record<AgendaItemType, string>>;
  /** The fixed options of a yes/no/abstain round, by option id (web: live.vote.fixed.*). */
  fixedOption: Readonly<Record<'yes' | 'no' | 'abstain', string>>;
}

/**
 * One glossary per language (./glossary/<language>.json): the agenda item kinds and fixed options
 * below, plus the programme's domain terms (`terms`) and short explanations of the hard ones
 * (`explanations`), which translators follow so one thing keeps one name in each language. The web
 * shows each explanation beside its term; the term itself comes from the web's locale files
 * (`terms.<key>`, kept equal to `terms` here by glossary.spec.ts).
 */
export interface LanguageGlossary extends Glossary {
  terms: Readonly<Record<string, string>>;
  explanations: Readonly<Record<string, string>>;
}

/**
 * The hard terms with a short explanation (`explanations` in every glossary file): the web shows
 * them in place with its Term component (apps/web/src/components/ui/Term.tsx), loading the
 * explanations of the page's language only when a page shows a term.
 */
export type ExplanationKey = keyof typeof de.explanations;

/**
 * The hard terms in an indicator of the social report, by the indicator's key (keys are stable: CSV
 * imports, URLs and open data use them). The social report explains them beside the indicator; an
 * indicator a city adds later with such a term gets an entry here.
 */
export const INDICATOR_TERMS: Readonly<Record<string, readonly ExplanationKey[]>> = {
  sgb2_quote: ['sgb2Rate', 'benefitCommunity'],
  kinder_sgb2: ['benefitCommunity'],
};

export const GLOSSARY: Readonly<Record<Language, LanguageGlossary>> = {
  [Language.German]: de as LanguageGlossary,
  [Language.EasyGerman]: deLs as LanguageGlossary,
  [Language.English]: en as LanguageGlossary,
  [Language.Turkish]: tr as LanguageGlossary,
  [Language.Arabic]: ar as LanguageGlossary,
  [Language.Bulgarian]: bg as LanguageGlossary,
  [Language.Romanian]: ro as LanguageGlossary,
  [Language.Polish]: pl as LanguageGlossary,
  [Language.Ukrainian]: uk as LanguageGlossary,
  [Language.Russian]: ru as LanguageGlossary,
};

/**
 * An option's name in the language: the fixed options of a yes/no/abstain round are stored with
 * their English label ("Yes") and named from the glossary; the moderator's own labels stay as typed.
 */
export function optionName(lang: Language, round: Pick<RoundDefinition, 'type'>, option: Pick<VotingOption, 'id' | 'label'>): string {
  if (!translatesOptionLabels(round)) return option.label;
  const fixed = GLOSSARY[lang].fixedOption as Readonly<Record<string, string>>;
  return fixed[option.id] ?? option.label;
}

/**
 * English words that have no place in German output (each is not also a German word): tests scan
 * German minutes and pages for them, so an untranslated label or option shows up as a failure.
 */
export const ENGLISH_ONLY_WORDS: readonly string[] = [
  'Yes',
  'No',
  'Abstain',
  'Abstention',
  'Discussion',
  'Vote',
  'Votes',
  'Voting',
  'Minutes',
  'Moderators',
  'Speaker',
  'Speakers',
  'Proposal',
  'Proposals',
  'Item',
  'Round',
  'Result',
  'Results',
  'Hall',
  'Total',
  'Overview',
  'Attendance',
  'Provisional',
  'Page',
  'Generated',
  'Question',
  'Ballot',
  'Secret',
  'Published',
  'Closed',
  'Opened',
  'Scheduled',
  'Place',
  'Areas',
  'Duration',
  'Support',
  'Approved',
  'Rejected',
  'Received',
  'None',
  'Checked in',
  'still speaking',
  'not yet',
  'of',
  'the',
  'and',
  'by',
];

/** The English-only words in a German text (whole words, any case), for tests and checks. */
export function englishWordsIn(text: string): string[] {
  return ENGLISH_ONLY_WORDS.filter((word) => new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'iu').test(text));
}
