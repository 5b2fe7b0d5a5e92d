import type { AreaType } from '../enums/area-type';
import type { AssemblyStatus } from '../enums/assembly';
import type { ProposalStatus } from '../enums/proposal-status';
import type { ProjectState } from '../workflow/states';
import type { LocalizedText } from './reference-data';
import { type IndicatorDirection, type TargetComparator } from './indicators';
import { type ParticipationCounts } from './social-report';

/** The open-data catalogue: its datasets, formats, licence and the record shape of every file. */
/**
 * GET /api/open-data                       (public) → OpenDataCatalogue
 * GET /api/open-data/<dataset>.json         (public) → { meta: OpenDataMeta, records: [...] }
 * GET /api/open-data/<dataset>.csv          (public) → text/csv; charset=utf-8, RFC 4180, CRLF,
 *   header row first, then one row per record. Licence and timestamp: as in the proposals export,
 *   the last three columns of every row are `licence`, `licenceUrl`, `generatedAt` (no comment
 *   lines, so spreadsheets and CKAN previews open the file cleanly); the same values are in the
 *   headers `Link: <licenceUrl>; rel="license"` and `X-Generated-At`. Cells a spreadsheet would
 *   run as formula are prefixed with `'`. City-wide values use the area key `stadt`.
 *   Unknown dataset or format → 404.
 *
 * Datasets (OpenDataDatasetId): areas, indicators, indicator-values, targets, projects,
 * project-states (the public timeline of state changes), assemblies (public ones only),
 * vote-results (published rounds of public assemblies; per option totals only – for secret
 * rounds not even the online/hall split, which could reveal a single online voter's choice),
 * proposals (visible ones, no author, no source note), participation (the monthly statistics).
 */
export enum OpenDataDatasetId {
  Areas = 'areas',
  Indicators = 'indicators',
  IndicatorValues = 'indicator-values',
  Targets = 'targets',
  Projects = 'projects',
  ProjectStates = 'project-states',
  Assemblies = 'assemblies',
  VoteResults = 'vote-results',
  Proposals = 'proposals',
  Participation = 'participation',
  /** The Aktionsraumfonds per area and year with their money (issue 17). */
  Funds = 'funds',
  /** Applications to the funds, without contact data and without drafts. */
  FundApplications = 'fund-applications',
}
export const OPEN_DATA_DATASET_IDS: readonly OpenDataDatasetId[] = Object.values(OpenDataDatasetId);

/**
 * Licence for texts written by citizens (proposal titles and bodies): they are the authors' works,
 * published under the platform's terms of use with attribution, not as municipal data.
 * The city's own data (areas, indicators, projects, assemblies, results, statistics) is
 * OPEN_DATA_LICENCE (DL-DE-Zero-2.0).
 */
export const CITIZEN_TEXT_LICENCE = 'Creative Commons Namensnennung 4.0 International (CC BY 4.0)';
export const CITIZEN_TEXT_LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';
export const CITIZEN_TEXT_ATTRIBUTION = 'Beiträge von Bürgerinnen und Bürgern, Beteiligungsplattform Soziale Stadt';
/**
 * CSV files with citizens' texts carry their licence in these columns on every row (after licence,
 * licenceUrl, generatedAt), so the file says itself that those texts are not under the data licence.
 */
export const CITIZEN_TEXT_LICENCE_COLUMNS = ['textLicence', 'textLicenceUrl', 'textAttribution'] as const;

export interface OpenDataMeta {
  dataset: OpenDataDatasetId;
  title: LocalizedText;
  /** Licence of the dataset (DL-DE-Zero-2.0 for the city's data). */
  licence: string;
  licenceUrl: string;
  /** Only where citizens' texts are included (proposals): the licence of those texts. */
  contentLicence?: { licence: string; licenceUrl: string; attribution: string; columns: string[] };
  publisher: string;
  generatedAt: string;
  count: number;
  /** Datasets with demo values say so here. */
  note: string | null;
}

export interface OpenDataFile<T = Record<string, unknown>> {
  meta: OpenDataMeta;
  records: T[];
}

export interface OpenDataFormat {
  format: 'csv' | 'json';
  mediaType: 'text/csv' | 'application/json';
  /** Absolute path under the API, e.g. "/api/open-data/areas.csv". */
  url: string;
}

export interface OpenDataDataset {
  id: OpenDataDatasetId;
  title: LocalizedText;
  description: LocalizedText;
  licence: string;
  licenceUrl: string;
  contentLicence: { licence: string; licenceUrl: string; attribution: string } | null;
  formats: OpenDataFormat[];
  /** The columns of the CSV (and keys of the JSON records), in order (without the licence columns). */
  columns: string[];
  /** Newest change in the underlying data (null for an empty dataset). */
  lastModified: string | null;
  count: number;
}

export interface OpenDataCatalogue {
  publisher: string;
  licence: string;
  licenceUrl: string;
  generatedAt: string;
  datasets: OpenDataDataset[];
}

export interface OpenDataAreaRecord {
  id: string;
  code: string;
  type: AreaType;
  name: string;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface OpenDataIndicatorRecord {
  key: string;
  nameDe: string;
  nameEn: string;
  unit: string;
  direction: IndicatorDirection;
  decimals: number;
  descriptionDe: string;
  descriptionEn: string;
  source: string;
}

export interface OpenDataIndicatorValueRecord {
  /** Area code or `stadt`. */
  area: string;
  indicator: string;
  year: number;
  /** Decimal string with a point, exactly as stored ("12.5"). */
  value: string;
}

export interface OpenDataTargetRecord {
  indicator: string;
  /** Area code or `stadt`. */
  area: string;
  comparator: TargetComparator;
  value: string;
  dueYear: number;
  note: string | null;
}

export interface OpenDataProjectRecord {
  id: string;
  title: string;
  state: ProjectState;
  fieldOfActionCode: string;
  /** Area codes, space-separated in CSV, an array in JSON. */
  areaCodes: string[];
  actionAreaCode: string | null;
  operatorName: string | null;
  responsibleDepartment: string | null;
  startDate: string | null;
  endDate: string | null;
  fundingSource: string | null;
  fundingAmountCents: number | null;
  decisionBody: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  stateSince: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OpenDataProjectStateRecord {
  projectId: string;
  version: number;
  transitionId: string;
  fromState: ProjectState | null;
  toState: ProjectState;
  /** The public reason given for side exits (rejected, parked, ended). */
  reason: string | null;
  createdAt: string;
}

export interface OpenDataAssemblyRecord {
  id: string;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  status: AssemblyStatus;
  /** Area codes (space-separated in CSV). */
  areaCodes: string[];
  /** Participants counted (closed assemblies; null before). */
  attendance: number | null;
  checkedIn: number | null;
}

export interface OpenDataVoteResultRecord {
  assemblyId: string;
  roundId: string;
  question: string;
  votingType: string;
  secret: boolean;
  publishedAt: string;
  optionId: string;
  optionLabel: string;
  /** App ballots for this option; null for secret rounds (only the total is published). */
  online: number | null;
  /** Hall count for this option; null for secret rounds. */
  hall: number | null;
  total: number;
}

export interface OpenDataProposalRecord {
  id: string;
  title: string;
  body: string;
  status: ProposalStatus;
  fieldOfActionCode: string;
  areaCode: string;
  supportCount: number;
  commentCount: number;
  createdAt: string;
}

export interface OpenDataParticipationRecord extends ParticipationCounts {
  area: string;
  month: string;
}
