import {
  CITIZEN_TEXT_ATTRIBUTION,
  CITIZEN_TEXT_LICENCE,
  CITIZEN_TEXT_LICENCE_URL,
  OpenDataDatasetId,
  type LocalizedText,
} from '@app/shared';

/** What the catalogue says about each dataset; the records come from OpenDataService. */
export interface DatasetInfo {
  id: OpenDataDatasetId;
  title: LocalizedText;
  description: LocalizedText;
  columns: string[];
  /** Columns with citizens' texts (licensed CITIZEN_TEXT_LICENCE). */
  citizenTextColumns?: string[];
}

export const CITIZEN_TEXT = { licence: CITIZEN_TEXT_LICENCE, licenceUrl: CITIZEN_TEXT_LICENCE_URL, attribution: CITIZEN_TEXT_ATTRIBUTION };

export const DATASETS: readonly DatasetInfo[] = [
  {
    id: OpenDataDatasetId.Areas,
    title: { de: 'Gebiete', en: 'Areas' },
    description: {
      de: 'Stadtbezirke, Aktionsräume und Quartiere mit Schlüssel, übergeordnetem Gebiet und Gültigkeitszeitraum.',
      en: 'Districts, action areas and neighbourhoods with key, parent area and validity period.',
    },
    columns: ['id', 'code', 'type', 'name', 'parentCode', 'validFrom', 'validTo'],
  },
  {
    id: OpenDataDatasetId.Indicators,
    title: { de: 'Indikatoren des Sozialberichts', en: 'Social report indicators' },
    description: {
      de: 'Definitionen der Sozialindikatoren: Schlüssel, Name, Einheit, Richtung (höher oder niedriger ist besser), Quelle.',
      en: 'Definitions of the social indicators: key, name, unit, direction (higher or lower is better), source.',
    },
    columns: ['key', 'nameDe', 'nameEn', 'unit', 'direction', 'decimals', 'descriptionDe', 'descriptionEn', 'source'],
  },
  {
    id: OpenDataDatasetId.IndicatorValues,
    title: { de: 'Indikatorwerte je Gebiet und Jahr', en: 'Indicator values per area and year' },
    description: {
      de: 'Ein Wert je Gebiet, Indikator und Jahr; Gebietsschlüssel "stadt" = gesamtstädtischer Wert. Werte mit Dezimalpunkt. Dasselbe Format nimmt der Import an.',
      en: 'One value per area, indicator and year; area key "stadt" = city-wide value. Values with a decimal point. The import takes the same format.',
    },
    columns: ['area', 'indicator', 'year', 'value'],
  },
  {
    id: OpenDataDatasetId.Targets,
    title: { de: 'Zielwerte', en: 'Targets' },
    description: {
      de: 'Zielwerte je Indikator, gesamtstädtisch ("stadt") oder je Gebiet: unter (below) oder über (above) einem Wert bis zu einem Jahr.',
      en: 'Targets per indicator, city-wide ("stadt") or per area: below or above a value by a due year.',
    },
    columns: ['indicator', 'area', 'comparator', 'value', 'dueYear', 'note'],
  },
  {
    id: OpenDataDatasetId.Projects,
    title: { de: 'Vorhaben und ihr Stand', en: 'Projects and their state' },
    description: {
      de: 'Projektideen, Einzelprojekte, Projekttypen und Regelbetrieb mit Handlungsfeld, Gebieten, Träger, Förderung und Beschluss.',
      en: 'Project ideas, single projects, project types and regular operation with field of action, areas, operator, funding and decision.',
    },
    columns: [
      'id',
      'title',
      'state',
      'fieldOfActionCode',
      'areaCodes',
      'actionAreaCode',
      'operatorName',
      'responsibleDepartment',
      'startDate',
      'endDate',
      'fundingSource',
      'fundingAmountCents',
      'decisionBody',
      'decisionNumber',
      'decisionDate',
      'stateSince',
      'createdAt',
      'updatedAt',
    ],
  },
  {
    id: OpenDataDatasetId.ProjectStates,
    title: { de: 'Verlauf der Vorhaben', en: 'Project timeline' },
    description: {
      de: 'Jeder Schritt der Vorhaben (Zustandswechsel und Ereignisse) mit Datum und öffentlicher Begründung; ohne Personen.',
      en: 'Every step of the projects (state changes and events) with date and public reason; no persons.',
    },
    columns: ['projectId', 'version', 'transitionId', 'fromState', 'toState', 'reason', 'createdAt'],
  },
  {
    id: OpenDataDatasetId.Assemblies,
    title: { de: 'Bürgerversammlungen', en: 'Citizens’ assemblies' },
    description: {
      de: 'Öffentliche Bürgerversammlungen mit Ort, Zeit, Gebieten und Teilnehmendenzahl (nach der Versammlung).',
      en: 'Public citizens’ assemblies with place, time, areas and attendance (after the assembly).',
    },
    columns: ['id', 'title', 'place', 'startsAt', 'endsAt', 'status', 'areaCodes', 'attendance', 'checkedIn'],
  },
  {
    id: OpenDataDatasetId.VoteResults,
    title: { de: 'Abstimmungsergebnisse', en: 'Vote results' },
    description: {
      de: 'Veröffentlichte Abstimmungen öffentlicher Versammlungen, je Antwortoption. Nur Summen; bei geheimen Abstimmungen nur die Gesamtzahl je Option (ohne Aufteilung App/Saal).',
      en: 'Published rounds of public assemblies, per option. Sums only; for secret rounds only the total per option (no app/hall split).',
    },
    columns: [
      'assemblyId',
      'roundId',
      'question',
      'votingType',
      'secret',
      'publishedAt',
      'optionId',
      'optionLabel',
      'online',
      'hall',
      'total',
    ],
  },
  {
    id: OpenDataDatasetId.Proposals,
    title: { de: 'Vorschläge', en: 'Proposals' },
    description: {
      de: 'Sichtbare Vorschläge ohne personenbezogene Daten (keine Namen, keine E-Mail-Adressen, kein Ort). Die Texte stammen von Bürgerinnen und Bürgern (CC BY 4.0).',
      en: 'Visible proposals without personal data (no names, no email addresses, no location). The texts are by citizens (CC BY 4.0).',
    },
    columns: ['id', 'title', 'body', 'status', 'fieldOfActionCode', 'areaCode', 'supportCount', 'commentCount', 'createdAt'],
    citizenTextColumns: ['title', 'body'],
  },
  {
    id: OpenDataDatasetId.Participation,
    title: { de: 'Beteiligungsstatistik', en: 'Participation statistics' },
    description: {
      de: 'Je Gebiet und Monat (letzte 120 Monate): Vorschläge, Unterstützungen, Kommentare, öffentliche Versammlungen, Teilnehmende und Eingecheckte.',
      en: 'Per area and month (last 120 months): proposals, supports, comments, public assemblies, participants and checked-in participants.',
    },
    columns: ['area', 'month', 'proposals', 'supports', 'comments', 'assemblies', 'attendance', 'checkedIn'],
  },
  {
    id: OpenDataDatasetId.Funds,
    title: { de: 'Aktionsraumfonds', en: 'Action area funds (Aktionsraumfonds)' },
    description: {
      de: 'Die Fonds der Aktionsräume je Jahr: Betrag, Höchstbetrag je Antrag, Antragszeitraum, Projektkonferenz, bewilligte, ausgezahlte, zurückgeflossene und verbleibende Beträge (in Cent).',
      en: 'The action areas’ funds per year: amount, maximum per application, application period, project conference, approved, paid, returned and remaining amounts (in cents).',
    },
    columns: [
      'id',
      'areaCode',
      'year',
      'title',
      'amountCents',
      'maxPerApplicationCents',
      'applicationStart',
      'applicationEnd',
      'conferenceDate',
      'decided',
      'approvedCents',
      'paidCents',
      'returnedCents',
      'remainingCents',
      'createdAt',
      'updatedAt',
    ],
  },
  {
    id: OpenDataDatasetId.FundApplications,
    title: { de: 'Anträge an die Aktionsraumfonds', en: 'Applications to the action area funds' },
    description: {
      de: 'Eingereichte Anträge (keine Entwürfe) mit Stand, beantragtem, bewilligtem und ausgezahltem Betrag (in Cent) und dem Einzelprojekt, das daraus wurde. Ohne Kontaktdaten; bei Privatpersonen ohne Namen. Titel und Zweck stammen von den Antragstellenden (CC BY 4.0).',
      en: 'Submitted applications (no drafts) with state, requested, approved and paid amount (in cents) and the single project it became. No contact data; no names of private persons. Title and purpose are by the applicants (CC BY 4.0).',
    },
    columns: [
      'id',
      'fundId',
      'areaCode',
      'year',
      'title',
      'purpose',
      'state',
      'applicantKind',
      'applicantName',
      'fieldOfActionCode',
      'neighbourhoodCode',
      'requestedAmountCents',
      'approvedAmountCents',
      'paidAmountCents',
      'startDate',
      'endDate',
      'submittedAt',
      'projectId',
      'updatedAt',
    ],
    citizenTextColumns: ['title', 'purpose'],
  },
];
