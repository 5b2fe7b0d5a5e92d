import { calendarDate, EvaluationOutcome, Role, TransitionId, type ProjectTransitionInput } from '@app/shared';
import type { ProjectActor } from '../modules/projects/project-store';

/**
 * The demo projects' content: across every state of the Verstetigung workflow. Titles come from
 * shared/DOMAIN.md; the three marked illustrative are invented examples, and for all of them Träger,
 * dates, amounts, milestones and reports are illustrative: the descriptions say so.
 */

export const DEMO_PROJECT_NOTE =
  'Demodaten: Das Vorhaben ist in Unterlagen der Stadt genannt; Träger, Daten, Beträge und Berichte sind illustrativ.';
export const ILLUSTRATIVE_PROJECT_NOTE = 'Demodaten: illustratives Beispiel, kein Vorhaben aus den Unterlagen der Stadt.';

const DAY_MS = 24 * 60 * 60 * 1000;
export const MODERATOR: ProjectActor = { id: null, role: Role.Moderator };
export const ADMIN: ProjectActor = { id: null, role: Role.Administrator };

export type Step =
  | { daysAgo: number; transition: TransitionId; input?: ProjectTransitionInput; actor?: ProjectActor }
  | { daysAgo: number; evaluate: { outcome: EvaluationOutcome; evidence: string; indicatorKeys: string[] } };

export interface DemoProject {
  title: string;
  field: 'AB' | 'EK' | 'SZ';
  areas: string[];
  description: string;
  illustrative: boolean;
  createdDaysAgo: number;
  /** Live proposals of the closed demo assembly in Hörde grouped into the idea. */
  liveProposals?: string[];
  steps?: Step[];
  milestones?: Array<{ title: string; dueDaysAgo: number | null; reachedDaysAgo?: number }>;
  reports?: Array<{ daysAgo: number; progressPercent: number; text: string }>;
  /** "Run this in Hörde too": an instance of the project type, with its own progress. */
  instance?: {
    daysAgo: number;
    input: ProjectTransitionInput;
    milestones?: DemoProject['milestones'];
    reports?: DemoProject['reports'];
  };
}

const day = (daysAgo: number, now: Date) => calendarDate(new Date(now.getTime() - daysAgo * DAY_MS));

/** A single project's input, dated relative to now. */
const single = (operatorName: string, area: string, startDaysAgo: number, months: number, cents: number, now: Date) => ({
  operatorName,
  areaName: area,
  startDate: day(startDaysAgo, now),
  endDate: day(startDaysAgo - months * 30, now),
  fundingSource: 'Aktionsraumfonds',
  fundingAmountCents: cents,
});

export function demoProjects(now: Date): DemoProject[] {
  const westerfilde = 'Bodelschwingh/Westerfilde';
  return [
    {
      title: 'Bürgergarten Westerfilde',
      field: 'SZ',
      areas: [westerfilde],
      description:
        'Ein Garten für die ganze Nachbarschaft auf einer Brachfläche zwischen den Wohnblöcken: Hochbeete, Kompost, eine Sitzecke und ein Treffpunkt für alle Generationen.',
      illustrative: false,
      createdDaysAgo: 420,
      steps: [
        {
          daysAgo: 330,
          transition: TransitionId.PromoteToSingleProject,
          input: withArea(single('Nachbarschaftsverein Westerfilde e. V.', westerfilde, 320, 18, 480_000, now)),
        },
      ],
      milestones: [
        { title: 'Fläche mit der Wohnungsgesellschaft vereinbart', dueDaysAgo: 300, reachedDaysAgo: 296 },
        { title: 'Hochbeete gebaut und bepflanzt', dueDaysAgo: 200, reachedDaysAgo: 188 },
        { title: 'Erntefest mit der Nachbarschaft', dueDaysAgo: -40 },
        { title: 'Kompostplatz einrichten', dueDaysAgo: null },
      ],
      reports: [
        { daysAgo: 250, progressPercent: 25, text: 'Die Fläche ist gesichert, 14 Familien haben sich für ein Beet gemeldet.' },
        { daysAgo: 150, progressPercent: 55, text: 'Zwölf Hochbeete stehen; die erste Ernte wurde beim Sommerfest geteilt.' },
        { daysAgo: 20, progressPercent: 70, text: 'Der Garten ist jeden Samstag offen; es fehlen noch Kompostplatz und Wasseranschluss.' },
      ],
    },
    {
      title: 'Der gehende Schulbus',
      field: 'EK',
      areas: ['Eving/Kemminghausen'],
      description:
        'Grundschulkinder gehen in begleiteten Gruppen zu Fuß zur Schule, mit festen „Haltestellen“ im Quartier: sicherer Schulweg, Bewegung und pünktliche Kinder.',
      illustrative: false,
      createdDaysAgo: 1100,
      steps: [
        {
          daysAgo: 1000,
          transition: TransitionId.PromoteToSingleProject,
          input: withArea(single('Förderverein der Grundschule Kemminghausen', 'Eving/Kemminghausen', 990, 12, 350_000, now)),
        },
        {
          daysAgo: 640,
          evaluate: {
            outcome: EvaluationOutcome.Successful,
            evidence:
              'Nach einem Jahr gingen an vier Tagen pro Woche 60 Kinder in sechs Gruppen; die Schule meldet deutlich weniger Verspätungen und Elterntaxis vor dem Tor.',
            indicatorKeys: ['normalgewicht'],
          },
        },
        {
          daysAgo: 600,
          transition: TransitionId.PromoteToProjectType,
          input: {
            patternDescription:
              'Begleitete Fußgruppen zur Grundschule mit festen Haltestellen; braucht ehrenamtliche Begleitung, eine Koordination an der Schule und abgestimmte Wege mit dem Ordnungsamt.',
          },
        },
        {
          daysAgo: 200,
          transition: TransitionId.EnterRegularOperation,
          input: {
            responsibleDepartment: 'Fachbereich Schule',
            budgetLine: 'Produkt 03.01.01 (illustrativ)',
            decisionBody: 'Rat der Stadt',
            decisionNumber: 'Drucksache 01234-25 (illustrativ)',
            decisionDate: day(210, now),
          },
        },
      ],
      reports: [
        { daysAgo: 900, progressPercent: 40, text: 'Drei Gruppen laufen, die Haltestellen sind ausgeschildert.' },
        { daysAgo: 660, progressPercent: 100, text: 'Das Projektjahr ist abgeschlossen; sechs Gruppen gehen regelmäßig.' },
      ],
    },
    {
      title: 'Durchgängige Sprachbildung in Eving',
      field: 'EK',
      areas: ['Eving/Lindenhorst'],
      description:
        'Kitas und Grundschulen in Eving arbeiten mit einem gemeinsamen Konzept zur Sprachförderung, damit Kinder beim Übergang in die Schule nicht den Anschluss verlieren.',
      illustrative: false,
      createdDaysAgo: 380,
      steps: [
        {
          daysAgo: 270,
          transition: TransitionId.PromoteToSingleProject,
          input: withArea(single('Familienzentrum Lindenhorst', 'Eving/Lindenhorst', 260, 24, 1_200_000, now)),
        },
      ],
      milestones: [
        { title: 'Gemeinsames Sprachförderkonzept der Kitas und Schulen', dueDaysAgo: 180, reachedDaysAgo: 175 },
        { title: 'Fortbildung für 30 Fachkräfte', dueDaysAgo: 60, reachedDaysAgo: 45 },
        { title: 'Erste Auswertung der Sprachstandserhebung', dueDaysAgo: -120 },
      ],
      reports: [
        { daysAgo: 200, progressPercent: 20, text: 'Alle fünf Kitas und zwei Grundschulen machen mit; das Konzept ist abgestimmt.' },
        {
          daysAgo: 40,
          progressPercent: 45,
          text: 'Die Fortbildungsreihe ist abgeschlossen, die Sprachbeobachtung läuft in allen Gruppen.',
        },
      ],
    },
    {
      title: 'Digital Fit in Hörde',
      field: 'AB',
      areas: ['Hörde'],
      description:
        'Kurse im Stadtteilzentrum für digitale Grundkenntnisse: Bewerbungen online, Behördenportale, sicheres Surfen. Für Arbeitsuchende und alle, die Anschluss suchen.',
      illustrative: false,
      createdDaysAgo: 220,
      steps: [
        {
          daysAgo: 160,
          transition: TransitionId.PromoteToSingleProject,
          input: withArea(single('Bildungswerk Hörde', 'Hörde', 150, 12, 900_000, now)),
        },
      ],
      milestones: [
        { title: 'Schulungsraum mit zehn Laptops eingerichtet', dueDaysAgo: 120, reachedDaysAgo: 125 },
        { title: 'Erster Kursdurchgang abgeschlossen', dueDaysAgo: 30, reachedDaysAgo: 28 },
      ],
      reports: [{ daysAgo: 25, progressPercent: 40, text: 'Zwei Kurse mit 22 Teilnehmenden; die Warteliste für den Herbst ist voll.' }],
    },
    {
      title: 'Kostenlose Hausaufgabenhilfe',
      field: 'EK',
      areas: [westerfilde],
      description:
        'Kinder aus Westerfilde bekommen nach der Schule im Stadtteilzentrum kostenlose Hilfe bei den Hausaufgaben, von Ehrenamtlichen und einer Koordinatorin.',
      illustrative: false,
      createdDaysAgo: 800,
      steps: [
        {
          daysAgo: 720,
          transition: TransitionId.PromoteToSingleProject,
          input: withArea(single('Stadtteilzentrum Westerfilde', westerfilde, 710, 12, 600_000, now)),
        },
        {
          daysAgo: 380,
          evaluate: {
            outcome: EvaluationOutcome.Successful,
            evidence:
              'Über zwölf Monate kamen wöchentlich 25 bis 40 Kinder; die Grundschulen melden bessere Deutschnoten in der Gruppe und mehr erledigte Hausaufgaben.',
            indicatorKeys: ['kinder_sgb2', 'uebergang_gymnasium'],
          },
        },
        {
          daysAgo: 350,
          transition: TransitionId.PromoteToProjectType,
          input: {
            patternDescription:
              'Hausaufgabenhilfe im Stadtteilzentrum mit Ehrenamtlichen und einer halben Koordinationsstelle; braucht einen Raum am Nachmittag und Kontakt zu den Grundschulen.',
          },
        },
      ],
      reports: [
        { daysAgo: 600, progressPercent: 50, text: 'Die Gruppe trifft sich viermal pro Woche; 18 Ehrenamtliche helfen mit.' },
        { daysAgo: 400, progressPercent: 100, text: 'Das erste Jahr ist abgeschlossen; die Auswertung mit den Schulen folgt.' },
      ],
      instance: {
        daysAgo: 90,
        input: withArea(single('Bürgerhaus Hörde', 'Hörde', 80, 12, 600_000, now)),
        milestones: [
          { title: 'Raum im Bürgerhaus gefunden', dueDaysAgo: 70, reachedDaysAgo: 75 },
          { title: 'Zehn Ehrenamtliche gewonnen', dueDaysAgo: -30 },
        ],
        reports: [{ daysAgo: 10, progressPercent: 20, text: 'Die ersten zwölf Kinder kommen zweimal pro Woche.' }],
      },
    },
    {
      title: 'Nachbarschaftsforum Hafen mit Bewohnerfonds',
      field: 'SZ',
      areas: ['Hafen'],
      description:
        'Ein regelmäßiges Forum, in dem Bewohnerinnen und Bewohner über kleine Projekte im Hafenquartier beraten und über einen eigenen Bewohnerfonds entscheiden. Es begann als Antrag „Nachbarschaftsforum Hafen“ an den Aktionsraumfonds Hafen des Vorjahres.',
      illustrative: false,
      createdDaysAgo: 60,
    },
    {
      title: 'Begrünung von Baumscheiben',
      field: 'SZ',
      areas: ['Nordmarkt', 'Borsigplatz'],
      description:
        'Nachbarinnen und Nachbarn übernehmen Patenschaften für Baumscheiben in ihrer Straße und bepflanzen sie; die Stadt stellt Erde, Pflanzen und Schilder.',
      illustrative: false,
      createdDaysAgo: 30,
    },
    {
      title: 'Vorlesetag',
      field: 'EK',
      areas: ['Marten'],
      description:
        'Ein jährlicher Vorlesetag in Kitas, Schulen und der Stadtteilbibliothek, mit Vorleserinnen und Vorlesern aus der Nachbarschaft.',
      illustrative: false,
      createdDaysAgo: 500,
      steps: [
        {
          daysAgo: 400,
          transition: TransitionId.Park,
          actor: MODERATOR,
          input: {
            reason:
              'Die Stadtteilbibliothek wird umgebaut; der Vorlesetag ruht, bis sie wieder öffnet. Danach nimmt die Projektkonferenz ihn wieder auf.',
          },
        },
      ],
    },
    {
      title: 'Jobcenter-Sprechstunde im Stadtteilzentrum Nordmarkt',
      field: 'AB',
      areas: ['Nordmarkt'],
      description:
        'Eine wöchentliche Sprechstunde des Jobcenters im Stadtteilzentrum: Beratung zu Arbeit, Bewerbung und Leistungen direkt im Quartier, ohne Termin.',
      illustrative: true,
      createdDaysAgo: 700,
      steps: [
        {
          daysAgo: 650,
          transition: TransitionId.PromoteToSingleProject,
          input: withArea(single('Jobcenter, Team Nordstadt', 'Nordmarkt', 640, 12, 150_000, now)),
        },
        {
          daysAgo: 100,
          transition: TransitionId.End,
          input: {
            reason:
              'Die Förderung ist ausgelaufen; das Jobcenter bietet die Beratung seitdem selbst im Stadtteilbüro an, ohne Mittel aus dem Aktionsraumfonds.',
          },
        },
      ],
      reports: [
        {
          daysAgo: 300,
          progressPercent: 80,
          text: 'Im Schnitt 15 Beratungen pro Sprechstunde, viele ohne vorherigen Kontakt zum Jobcenter.',
        },
      ],
    },
    {
      title: 'Gründungsberatung lokale Ökonomie',
      field: 'AB',
      areas: ['Dorstfelder Brücke'],
      description: 'Beratung für kleine Betriebe und Gründerinnen im Quartier, auch in den Sprachen der Nachbarschaft.',
      illustrative: true,
      createdDaysAgo: 300,
      steps: [
        {
          daysAgo: 250,
          transition: TransitionId.Reject,
          actor: MODERATOR,
          input: {
            reason:
              'Die Wirtschaftsförderung bietet diese Beratung schon stadtweit an, auch mehrsprachig; die Projektkonferenz hat entschieden, das Angebot dort bekannter zu machen statt ein zweites aufzubauen.',
          },
        },
      ],
    },
    {
      title: 'Elterncafé mit Sprachmittlung',
      field: 'EK',
      areas: ['Hörde'],
      description:
        'Ein offenes Café für Eltern in der Kita, mit Sprachmittlerinnen für Türkisch, Arabisch und Bulgarisch: Fragen zu Kita, Schule und Gesundheit in der eigenen Sprache.',
      illustrative: true,
      createdDaysAgo: 40,
      liveProposals: [
        'Ein Treffpunkt für Eltern in der Kita, bei dem jemand übersetzt, wenn man noch nicht gut Deutsch spricht.',
        'Elternabende mit Sprachmittlung, damit alle Eltern verstehen, was in der Schule passiert.',
      ],
    },
  ];
}

/** The workflow's input names the Aktionsraum by id; the demo by name. */
function withArea(input: ReturnType<typeof single>): ProjectTransitionInput & { areaName: string } {
  return input;
}

/** Approved live proposals of the closed demo assembly left for the grouping board (one fits the Elterncafé). */
export const UNGROUPED_LIVE_PROPOSALS = [
  'Sprechstunden für Eltern mit Übersetzung in der Kita, damit Fragen zu Schule und Gesundheit beantwortet werden.',
  'Mehr Mülleimer und Sitzbänke rund um den Hörder Neumarkt.',
];
