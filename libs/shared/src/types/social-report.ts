import type { AssemblyStatus } from '../enums/assembly';
import type { ProposalStatus } from '../enums/proposal-status';
import type { ProjectState } from '../workflow/states';
import { type IndicatorDefinition, type ReportAreaRef, type TargetProgress } from './indicators';
import type { ProfileFunds } from './social-report-funds';

/** What the social report shows: an area's profile, the city overview and the participation statistics. */
/**
 * GET /api/social-report/areas/:area?from=<year>&to=<year>   (public)
 *   :area = the area's id (uuid) or its code (`ar-nordmarkt`). Any area type; retired areas too.
 *   → AreaProfileResponse; 404 for an unknown area, 400 for a malformed key or years.
 */
export interface IndicatorPoint {
  year: number;
  /** This area's value (null: none reported for that year). */
  value: number | null;
  /** The city-wide value for that year (null: none reported). */
  cityValue: number | null;
}

export interface AreaIndicatorSeries {
  indicator: IndicatorDefinition;
  /** One point per year in which the area or the city has a value, ascending. */
  points: IndicatorPoint[];
  /** This area's most recent value. */
  latest: { year: number; value: number } | null;
  /** The city-wide value of the same year as `latest` (null when missing). */
  cityValueSameYear: number | null;
  /** latest.value − cityValueSameYear (null when either is missing). */
  differenceToCity: number | null;
  /** Worse than the city, judged by the indicator's direction (null when not comparable). */
  worseThanCity: boolean | null;
  /** The area's own targets first, then city-wide targets as benchmark. */
  targets: TargetProgress[];
}

export interface ProfileProjectItem {
  id: string;
  title: string;
  state: ProjectState;
  fieldOfActionCode: string;
}

export interface ProfileAssemblyItem {
  id: string;
  title: string;
  startsAt: string;
  status: AssemblyStatus;
  /** People who took part (hall and online); null for assemblies not yet held. */
  attendance: number | null;
}

export interface AreaProfileResponse {
  area: ReportAreaRef & {
    description: string | null;
    validFrom: string;
    validTo: string | null;
    current: boolean;
    parent: ReportAreaRef | null;
    /** Quartiere (or Aktionsräume of a district): their projects and proposals are included. */
    children: ReportAreaRef[];
  };
  /** The year range shown (from the query, else all years with values). */
  years: { from: number | null; to: number | null };
  indicators: AreaIndicatorSeries[];
  projects: {
    total: number;
    /** Every project state with its count (zero included), in PROJECT_STATES order. */
    byState: Array<{ state: ProjectState; count: number }>;
    /** Non-zero cells of the state × Handlungsfeld matrix. */
    byStateAndField: Array<{ state: ProjectState; fieldOfActionCode: string; count: number }>;
    items: ProfileProjectItem[];
  };
  /** Public assemblies linked to the area (unlisted ones never appear), newest first. */
  assemblies: ProfileAssemblyItem[];
  /** Visible proposals (hidden ones are not counted) in the area and its children. */
  proposals: {
    total: number;
    byStatus: Array<{ status: ProposalStatus; count: number }>;
    byField: Array<{ fieldOfActionCode: string; count: number }>;
  };
  /** The Aktionsraumfonds of the area (an Aktionsraum; empty elsewhere) and what it financed. */
  funds: ProfileFunds;
  generatedAt: string;
}

/**
 * GET /api/social-report/overview?indicator=<key>&year=<year>   (public)
 *   indicator: default = first indicator by sortOrder; year: default = latest year with values.
 *   Rows: every current Aktionsraum (valid today), sorted by needRank (areas without value last).
 *   → CityOverviewResponse; 404 unknown indicator; 400 malformed year.
 */
export interface CityOverviewRow {
  area: ReportAreaRef & { parentName: string | null };
  value: number | null;
  /** value − cityValue (null when either is missing). */
  differenceToCity: number | null;
  worseThanCity: boolean | null;
  /** 1 = greatest need (worst value by the indicator's direction); ties share a rank; null without value. */
  needRank: number | null;
  /** Current projects (single project, project type, regular operation) in the area and its Quartiere. */
  currentProjects: number;
}

export interface CityOverviewResponse {
  indicator: IndicatorDefinition;
  year: number | null;
  /** Years that have at least one value for this indicator, ascending (for the year picker). */
  availableYears: number[];
  /** City-wide value of that year ("Stadt"); null when not reported. */
  cityValue: number | null;
  /** Mean of the rows' values (unweighted), for information; null without values. */
  actionAreaMean: number | null;
  rows: CityOverviewRow[];
  /** City-wide targets of this indicator with the city-wide value measured against them. */
  targets: TargetProgress[];
  generatedAt: string;
}

/**
 * GET /api/social-report/participation?from=YYYY-MM&to=YYYY-MM&areaId=<uuid>   (public)
 *   Default range: the last 12 months including the current one; at most 120 months.
 *   Counts per area and calendar month (UTC):
 *   - proposals: visible proposals created in the month, by the proposal's area;
 *   - supports: supports given in the month to visible proposals of the area;
 *   - comments: visible comments written in the month on visible proposals of the area;
 *   - assemblies / attendance / checkedIn: public assemblies starting in the month that are linked
 *     to the area, their participants (hall + online) and those checked in at the door. An assembly
 *     linked to two areas counts for both.
 *   Only area × month cells with at least one non-zero count are listed.
 */
export interface ParticipationCounts {
  proposals: number;
  supports: number;
  comments: number;
  assemblies: number;
  attendance: number;
  checkedIn: number;
}

export interface ParticipationRow extends ParticipationCounts {
  area: ReportAreaRef;
  /** YYYY-MM */
  month: string;
}

export interface ParticipationStatsResponse {
  from: string;
  to: string;
  /** Every month of the range, ascending (YYYY-MM). */
  months: string[];
  rows: ParticipationRow[];
  /** Sums per month over all areas (every month of the range, zeros included). */
  byMonth: Array<ParticipationCounts & { month: string }>;
  /** Sums per area over the range (areas with any activity). */
  byArea: Array<ParticipationCounts & { area: ReportAreaRef }>;
  totals: ParticipationCounts;
  generatedAt: string;
}
