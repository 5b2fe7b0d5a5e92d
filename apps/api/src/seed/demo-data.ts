import { AgendaItemType, AreaType } from '@app/shared';

/**
 * Demo data from shared/DOMAIN.md. The names of districts, Aktionsräume and Quartiere are the
 * city's; the validity dates are ILLUSTRATIVE (the revision year 2017 is assumed, not sourced).
 */
export const ILLUSTRATIVE_NOTE = 'Demodaten: Gültigkeitsdaten sind illustrativ.';

export const DISTRICTS = [
  'Innenstadt-West',
  'Innenstadt-Nord',
  'Innenstadt-Ost',
  'Eving',
  'Scharnhorst',
  'Brackel',
  'Aplerbeck',
  'Hörde',
  'Hombruch',
  'Lütgendortmund',
  'Huckarde',
  'Mengede',
];

const ORIGINAL_FROM = '2008-01-01';
const REVISION_FROM = '2017-01-01';
const RETIRED_TO = '2016-12-31';

export interface DemoArea {
  type: AreaType;
  name: string;
  parent: string | null;
  validFrom: string;
  validTo: string | null;
}

export const DEMO_AREAS: DemoArea[] = [
  ...DISTRICTS.map((name) => ({ type: AreaType.District, name, parent: null, validFrom: '1975-01-01', validTo: null })),
  ...(
    [
      ['Hafen', 'Innenstadt-Nord'],
      ['Nordmarkt', 'Innenstadt-Nord'],
      ['Borsigplatz', 'Innenstadt-Nord'],
      ['Dorstfelder Brücke', 'Innenstadt-West'],
      ['Eving/Kemminghausen', 'Eving'],
      ['Eving/Lindenhorst', 'Eving'],
      ['Hörde', 'Hörde'],
      ['Marten', 'Lütgendortmund'],
      ['Bodelschwingh/Westerfilde', 'Mengede'],
      ['Nette', 'Mengede'],
      ['Scharnhorst-Ost', 'Scharnhorst'],
    ] as const
  ).map(([name, parent]) => ({ type: AreaType.ActionArea, name, parent, validFrom: ORIGINAL_FROM, validTo: null })),
  // Dropped to single Aktionsquartiere by the later revision: retired, never deleted.
  { type: AreaType.ActionArea, name: 'Alt-Scharnhorst', parent: 'Scharnhorst', validFrom: ORIGINAL_FROM, validTo: RETIRED_TO },
  { type: AreaType.ActionArea, name: 'Wickede', parent: 'Brackel', validFrom: ORIGINAL_FROM, validTo: RETIRED_TO },
  { type: AreaType.Neighbourhood, name: 'Wambeler Heide', parent: 'Alt-Scharnhorst', validFrom: REVISION_FROM, validTo: null },
  { type: AreaType.Neighbourhood, name: 'Meylantviertel', parent: 'Wickede', validFrom: REVISION_FROM, validTo: null },
  // Added by the revision.
  { type: AreaType.ActionArea, name: 'Dorstfeld', parent: 'Innenstadt-West', validFrom: REVISION_FROM, validTo: null },
  { type: AreaType.ActionArea, name: 'Bövinghausen/Westrich', parent: 'Lütgendortmund', validFrom: REVISION_FROM, validTo: null },
];

const PREFIX: Record<AreaType, string> = { [AreaType.District]: 'sb', [AreaType.ActionArea]: 'ar', [AreaType.Neighbourhood]: 'q' };

/** "Bövinghausen/Westrich" → "ar-boevinghausen-westrich": stable keys for imports and URLs. */
export function areaCode(type: AreaType, name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${PREFIX[type]}-${slug}`;
}

export const DEMO_FIELDS_OF_ACTION = [
  {
    code: 'AB',
    sortOrder: 1,
    nameDe: 'Arbeit und Beschäftigung im Quartier',
    nameEn: 'Work and employment in the neighbourhood',
    descriptionDe:
      'Jobcenter, Sozialamt und Wirtschaftsförderung gebündelt im Quartier; lokale und ethnische Ökonomie. Ziel: Arbeitslosenquote unter 10 %.',
    descriptionEn:
      'Jobcentre, social office and business development bundled in the area; local and ethnic economy. Target: unemployment rate below 10 %.',
  },
  {
    code: 'EK',
    sortOrder: 2,
    nameDe: 'Eltern und Kinder stärken – Kinderarmut bekämpfen',
    nameEn: 'Strengthen parents and children – fight child poverty',
    descriptionDe: 'Präventionsketten („Kein Kind zurücklassen“), Sprachförderung, der Übergang von der Kita in die Grundschule.',
    descriptionEn: 'Prevention chains ("Kein Kind zurücklassen"), language support, the step from pre-school to primary school.',
  },
  {
    code: 'SZ',
    sortOrder: 3,
    nameDe: 'Sozialen Zusammenhalt im Quartier stärken',
    nameEn: 'Strengthen social cohesion in the neighbourhood',
    descriptionDe: 'Aktivierung der Nachbarschaft, Quartiersmanagement, eigene Projekte der Bewohnerinnen und Bewohner.',
    descriptionEn: 'Neighbourhood activation, neighbourhood management, residents’ own projects.',
  },
];

/** Marks the demo assemblies: they are examples, not real appointments of the city. */
export const ILLUSTRATIVE_ASSEMBLY_NOTE = 'Demodaten: Diese Versammlung ist ein illustratives Beispiel, kein echter Termin der Stadt.';

export interface DemoAssembly {
  /** Fixed join code: the key that keeps the seed from adding an assembly twice. */
  joinCode: string;
  title: string;
  description: string;
  place: string;
  area: string;
  /** Days from the first start (negative: in the past) and the start hour in UTC. */
  dayOffset: number;
  startHourUtc: number;
  hours: number;
  closed: boolean;
  registrationEnabled: boolean;
  capacity: number | null;
  agenda: Array<{ title: string; type: AgendaItemType; description: string | null }>;
}

export const DEMO_ASSEMBLIES: DemoAssembly[] = [
  {
    joinCode: 'NRDMKT',
    title: 'Bürgerversammlung Nordmarkt: Wie soll der Platz im Sommer aussehen?',
    description: `Wir sammeln Ideen für den Nordmarkt und stimmen gemeinsam über die nächsten Schritte ab. Teilnahme vor Ort oder online mit dem Code auf der Leinwand.\n\n${ILLUSTRATIVE_ASSEMBLY_NOTE}`,
    place: 'Nachbarschaftstreff am Nordmarkt (Beispieladresse)',
    area: 'Nordmarkt',
    dayOffset: 21,
    startHourUtc: 17,
    hours: 2,
    closed: false,
    registrationEnabled: true,
    capacity: 80,
    agenda: [
      { title: 'Begrüßung und Bericht des Quartiersmanagements', type: AgendaItemType.Information, description: null },
      {
        title: 'Ideen für den Platz sammeln',
        type: AgendaItemType.ProposalCollection,
        description: 'Vorschläge per Handy oder auf Karten.',
      },
      { title: 'Aussprache zu den Vorschlägen', type: AgendaItemType.Discussion, description: null },
      { title: 'Abstimmung: Welche Idee zuerst?', type: AgendaItemType.Vote, description: 'Punktabstimmung über die gesammelten Ideen.' },
    ],
  },
  {
    joinCode: 'HRDE26',
    title: 'Bürgerversammlung Hörde: Rückblick auf das Quartiersjahr',
    description: `Rückblick, Fragen und ein Stimmungsbild zu den Projekten im Aktionsraum Hörde.\n\n${ILLUSTRATIVE_ASSEMBLY_NOTE}`,
    place: 'Bürgersaal Hörde (Beispieladresse)',
    area: 'Hörde',
    dayOffset: -45,
    startHourUtc: 17,
    hours: 2,
    closed: true,
    registrationEnabled: false,
    capacity: null,
    agenda: [
      { title: 'Bericht: Was ist im Quartier passiert?', type: AgendaItemType.Information, description: null },
      { title: 'Fragen und Aussprache', type: AgendaItemType.Discussion, description: null },
      { title: 'Stimmungsbild zum Quartiersjahr', type: AgendaItemType.Vote, description: null },
    ],
  },
];
