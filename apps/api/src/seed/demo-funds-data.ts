import { ApplicationState, FundApplicantKind } from '@app/shared/funds';
import { OPEN_FUND_APPLICATIONS } from './demo-funds-open';

/**
 * The demo Aktionsraumfonds (issue 17, DOMAIN.md "The Aktionsraumfonds"): a fund of 5,000 EUR (at most
 * 1,500 EUR per application) for every current Aktionsraum this year, and last year's fund of Hafen with
 * its project conference held and its result published. Titles follow DOMAIN.md's examples; applicants,
 * contacts, amounts and dates are illustrative (the fund descriptions say so). Contacts use the reserved
 * .invalid domain, so no mail can reach anybody.
 */

export const DEMO_FUND_AMOUNT_CENTS = 500_000;
export const DEMO_FUND_MAX_CENTS = 150_000;
export const DEMO_FUND_NOTE =
  'Demodaten: Betrag, Fristen, Anträge und Antragstellende sind illustrativ. Über den Fonds entscheidet die Projektkonferenz im Aktionsraum.';

/** How far a fund of the demo has come: open for applications, or decided by its project conference. */
export type DemoFundStage = 'open' | 'decided' | 'last_year';

/** This year's funds that were already decided (the conference took place some weeks ago); all others are open. */
export const DECIDED_THIS_YEAR = ['Nordmarkt', 'Borsigplatz'];
/** The area whose last year's conference is the demo's past, published result. */
export const LAST_YEAR_AREA = 'Hafen';
/** The demo project that began as an application to last year's fund (demo-projects-data.ts). */
export const FUND_PROJECT_TITLE = 'Nachbarschaftsforum Hafen mit Bewohnerfonds';

export interface DemoFundApplication {
  area: string;
  /** Last year's fund of the area (else this year's). */
  lastYear?: boolean;
  title: string;
  purpose: string;
  field: 'AB' | 'EK' | 'SZ';
  kind: FundApplicantKind;
  /** Public name of who applies. */
  applicant: string;
  /** Online by this demo resident (key in demo-proposals-data.ts); else a paper application with this note. */
  by?: string;
  paper?: string;
  contact: { name: string; phone: string | null; address: string | null };
  /** Cost items in whole euros. */
  costs: Array<[label: string, euros: number]>;
  state: ApplicationState;
  /** Withdrawn: the state it was withdrawn from (submitted, checked, on_agenda or approved). */
  withdrawnFrom?: ApplicationState;
  /** The public reason of the last step (returned, rejected, withdrawn, or an approval below the request). */
  reason?: string;
  /** Approved amount in cents when below the requested one. */
  approvedCents?: number;
  /** Spent in cents (proof of use); the rest goes back to the fund. */
  spentCents?: number;
  report?: string;
  /** The project's time frame: days after the fund's conference (negative: before). */
  runs?: [fromDays: number, toDays: number];
  /** Became the demo project of this title. */
  project?: string;
}

const S = ApplicationState;
const P = FundApplicantKind.Person;
const G = FundApplicantKind.Group;
const O = FundApplicantKind.Organisation;

export const DEMO_FUND_APPLICATIONS: DemoFundApplication[] = [
  // Last year's fund of Hafen: the past project conference and its published result.
  {
    area: 'Hafen',
    lastYear: true,
    title: 'Nachbarschaftsforum Hafen',
    purpose:
      'Ein Forum, in dem sich Bewohnerinnen und Bewohner jeden Monat treffen, über kleine Vorhaben im Hafenquartier beraten und einen eigenen Bewohnerfonds verwalten.',
    field: 'SZ',
    kind: G,
    applicant: 'Bewohnerinitiative Hafenquartier',
    by: 'kemal',
    contact: { name: 'Kemal Aydın', phone: '0231 000000-11', address: 'Mallinckrodtstraße 1, 44145 Dortmund (illustrativ)' },
    costs: [
      ['Raummiete Nachbarschaftstreff (10 Abende)', 600],
      ['Moderation und Sprachmittlung', 650],
      ['Einladungen und Aushänge', 250],
    ],
    state: S.Closed,
    spentCents: 150_000,
    report:
      'Zehn Forumsabende mit 15 bis 40 Teilnehmenden; das Forum hat drei kleine Vorhaben angestoßen und will als Einzelprojekt weitermachen.',
    runs: [20, 220],
    project: FUND_PROJECT_TITLE,
  },
  {
    area: 'Hafen',
    lastYear: true,
    title: 'Straßenfest in der Mallinckrodtstraße',
    purpose:
      'Ein Straßenfest für alle Nachbarinnen und Nachbarn mit Musik aus dem Viertel, Essen aus vielen Ländern und Spielen für Kinder.',
    field: 'SZ',
    kind: G,
    applicant: 'Hausgemeinschaft Mallinckrodtstraße',
    by: 'hafenmoewe',
    contact: { name: 'Birgit Sommer', phone: null, address: null },
    costs: [
      ['Miete Festzelt und Bänke', 700],
      ['Musikanlage', 300],
      ['Spielmaterial für Kinder', 200],
    ],
    state: S.Closed,
    spentCents: 115_680,
    report: 'Rund 300 Gäste an einem Samstag im Juni. Das Festzelt war günstiger als geplant; 43,20 EUR gingen an den Fonds zurück.',
    runs: [45, 45],
  },
  {
    area: 'Hafen',
    lastYear: true,
    title: 'Hausaufgabenecke im Nachbarschaftstreff',
    purpose:
      'Zweimal in der Woche helfen Ehrenamtliche Kindern der Klassen 3 bis 6 bei den Hausaufgaben; dafür braucht die Ecke Möbel und Material.',
    field: 'EK',
    kind: O,
    applicant: 'Nachbarschaftstreff Hafen e. V. (illustrativ)',
    paper: 'Papierantrag, im Stadtteilbüro abgegeben',
    contact: { name: 'Olena Kovalenko', phone: '0231 000000-12', address: 'Hafenstraße 5, 44147 Dortmund (illustrativ)' },
    costs: [
      ['Tische und Stühle', 800],
      ['Lernmaterial und Wörterbücher', 400],
    ],
    state: S.Closed,
    approvedCents: 100_000,
    reason: 'Bewilligt mit 1.000 EUR statt 1.200 EUR: Die Stadtteilbibliothek stellt die Wörterbücher kostenlos zur Verfügung.',
    spentCents: 100_000,
    report: 'Die Hausaufgabenecke ist eingerichtet; im Schnitt kommen zwölf Kinder an jedem Nachmittag.',
    runs: [30, 200],
  },
  {
    area: 'Hafen',
    lastYear: true,
    title: 'Grillplatz am Hafenbecken',
    purpose: 'Ein fest gemauerter Grillplatz am Hafenbecken, den alle nutzen können.',
    field: 'SZ',
    kind: P,
    applicant: 'Kemal am Hafen',
    by: 'kemal',
    contact: { name: 'Kemal Aydın', phone: '0231 000000-11', address: null },
    costs: [['Mauerwerk und Rost', 1500]],
    state: S.Rejected,
    reason:
      'Abgelehnt: Feste Bauten auf städtischen Flächen kann der Fonds nicht bezahlen; die Projektkonferenz empfiehlt, einen mobilen Grill über den Nachbarschaftstreff zu leihen.',
  },
  {
    area: 'Hafen',
    lastYear: true,
    title: 'Stadtteilzeitung Hafen',
    purpose: 'Vier Ausgaben einer Stadtteilzeitung, geschrieben von Jugendlichen aus dem Viertel.',
    field: 'SZ',
    kind: G,
    applicant: 'Jugendredaktion Hafen',
    by: 'jugendtreff-team',
    contact: { name: 'Lea Brandt', phone: null, address: null },
    costs: [
      ['Druck (4 Ausgaben)', 1200],
      ['Fotokurs', 300],
    ],
    state: S.Rejected,
    reason:
      'Abgelehnt: Die Projektkonferenz hat die anderen Anträge mit mehr Stimmen gefördert; für diesen reichte das verbleibende Geld nicht. Ein neuer Antrag im nächsten Jahr ist willkommen.',
  },
  {
    area: 'Hafen',
    lastYear: true,
    title: 'Tanznachmittage für Ältere',
    purpose: 'Monatliche Tanznachmittage für ältere Menschen im Gemeindesaal.',
    field: 'SZ',
    kind: P,
    applicant: 'Sonnenblume58',
    by: 'sonnenblume',
    contact: { name: 'Renate Vogel', phone: '0231 000000-13', address: null },
    costs: [['Honorar Tanzlehrerin', 900]],
    state: S.Withdrawn,
    withdrawnFrom: S.OnAgenda,
    reason: 'Zurückgezogen: Die Tanzlehrerin ist weggezogen; wir stellen den Antrag neu, sobald wir jemanden gefunden haben.',
  },

  // This year's decided funds: Nordmarkt and Borsigplatz.
  {
    area: 'Nordmarkt',
    title: 'Nachbarschaftsfest auf dem Nordmarkt',
    purpose: 'Ein Fest auf dem Nordmarkt mit Ständen der Vereine, Musik und einem Tisch, an dem jede und jeder etwas zu essen mitbringt.',
    field: 'SZ',
    kind: G,
    applicant: 'Nachbarschaftsinitiative Nordmarkt',
    by: 'ayse',
    contact: { name: 'Ayşe Yılmaz', phone: '0231 000000-21', address: null },
    costs: [
      ['Bühne und Technik', 900],
      ['Tische, Bänke, Pavillons', 600],
    ],
    state: S.Paid,
    runs: [40, 40],
  },
  {
    area: 'Nordmarkt',
    title: 'Hausaufgabenhilfe im Jugendtreff',
    purpose: 'Studierende helfen dreimal in der Woche bei den Hausaufgaben; gefördert werden Material und kleine Aufwandsentschädigungen.',
    field: 'EK',
    kind: O,
    applicant: 'Jugendtreff Nordstadt (illustrativ)',
    by: 'jugendtreff-team',
    contact: { name: 'Lea Brandt', phone: '0231 000000-22', address: 'Schützenstraße 10, 44147 Dortmund (illustrativ)' },
    costs: [
      ['Aufwandsentschädigungen', 1000],
      ['Lernmaterial', 400],
    ],
    state: S.Approved,
    approvedCents: 120_000,
    reason: 'Bewilligt mit 1.200 EUR statt 1.400 EUR: Das Lernmaterial teilt sich der Jugendtreff mit der Grundschule nebenan.',
    runs: [70, 250],
  },
  {
    area: 'Nordmarkt',
    title: 'Sprachcafé mit Sprachmittlung',
    purpose:
      'Jeden Donnerstag ein Sprachcafé, in dem Deutsch gesprochen wird und Sprachmittlerinnen auf Türkisch, Arabisch und Bulgarisch helfen.',
    field: 'EK',
    kind: G,
    applicant: 'Sprachcafé Nordmarkt',
    by: 'grigore',
    contact: { name: 'Grigore Popescu', phone: null, address: null },
    costs: [
      ['Honorare Sprachmittlung', 700],
      ['Getränke und Gebäck', 200],
    ],
    state: S.ProofSubmitted,
    spentCents: 85_000,
    report: 'Zwölf Treffen mit 8 bis 20 Gästen; Gebäck haben Gäste oft selbst mitgebracht, daher 50 EUR weniger ausgegeben.',
    runs: [10, 50],
  },
  {
    area: 'Nordmarkt',
    title: 'Graffiti-Workshop an der Unterführung',
    purpose: 'Jugendliche gestalten mit einem Künstler die Wände der Unterführung.',
    field: 'SZ',
    kind: P,
    applicant: 'Radlerin_44',
    by: 'radlerin',
    contact: { name: 'Mira Schulz', phone: null, address: null },
    costs: [
      ['Farben und Material', 600],
      ['Honorar Künstler', 900],
    ],
    state: S.Rejected,
    reason:
      'Abgelehnt: Für die Unterführung fehlt die Zustimmung der Eigentümerin. Mit dieser Zustimmung kann der Antrag im nächsten Jahr erneut gestellt werden.',
  },
  {
    area: 'Borsigplatz',
    title: 'Pflanzkästen für den Borsigplatz',
    purpose: 'Zwanzig Pflanzkästen an den Hauseingängen rund um den Borsigplatz, gepflegt von Patinnen und Paten aus der Nachbarschaft.',
    field: 'SZ',
    kind: G,
    applicant: 'Grüne Nachbarschaft Borsigplatz',
    by: 'borsigpapa',
    contact: { name: 'Thomas Krüger', phone: '0231 000000-31', address: null },
    costs: [
      ['Pflanzkästen', 500],
      ['Erde und Pflanzen', 300],
    ],
    state: S.Closed,
    spentCents: 74_250,
    report: 'Alle zwanzig Kästen stehen und sind bepflanzt; 57,50 EUR gingen an den Fonds zurück.',
    runs: [14, 30],
  },
  {
    area: 'Borsigplatz',
    title: 'Kinderflohmarkt im Hof der Grundschule',
    purpose: 'Zweimal im Jahr ein Flohmarkt, auf dem Kinder Spielzeug und Bücher tauschen und verkaufen.',
    field: 'EK',
    kind: P,
    applicant: 'Mama von drei',
    by: 'mama-von-drei',
    contact: { name: 'Jana Nowak', phone: null, address: null },
    costs: [['Tische und Werbung', 350]],
    state: S.Approved,
    runs: [75, 75],
  },
  {
    area: 'Borsigplatz',
    title: 'Lastenrad für die Nachbarschaft',
    purpose: 'Ein Lastenrad, das sich alle im Viertel kostenlos ausleihen können.',
    field: 'SZ',
    kind: G,
    applicant: 'Borsig-Papa und Nachbarn',
    by: 'borsigpapa',
    contact: { name: 'Thomas Krüger', phone: '0231 000000-31', address: null },
    costs: [['Lastenrad', 1500]],
    state: S.Withdrawn,
    withdrawnFrom: S.Approved,
    reason:
      'Zurückgezogen: Ein Fahrradhändler aus dem Viertel stellt das Lastenrad kostenlos zur Verfügung; das Geld geht an den Fonds zurück.',
  },

  // This year's open funds.
  ...OPEN_FUND_APPLICATIONS,
];
