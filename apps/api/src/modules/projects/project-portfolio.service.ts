import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import writeExcelFile from 'write-excel-file/node';
import {
  calendarDate,
  htmlLang,
  Language,
  PROJECT_STATES,
  TransitionId,
  ProjectState,
  type PortfolioCell,
  type PortfolioItem,
  type PortfolioResponse,
  type PortfolioStateAge,
  type ProjectAreaRef,
  type ProjectFieldRef,
} from '@app/shared';
import { writeCsv } from '../../common/http/csv';
import { Area } from '../areas/area.entity';
import type { User } from '../users/user.entity';
import type { PortfolioExportQueryDto, PortfolioQueryDto } from './dto/portfolio.dto';
import { Project } from './project.entities';
import { descendants } from './project-grouping.service';
import { ProjectQueriesService } from './project-queries.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days between two instants (the portfolio's "age in state"). */
export const daysBetween = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));

function median(sorted: number[]): number | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The administration's export is written in German or English (the administration's languages). */
type ExportLanguage = Language.German | Language.English;

/** The export's columns; header texts in German or English (chosen by ?lang=). */
const HEADERS: Record<ExportLanguage, string[]> = {
  [Language.German]: [
    'Vorhaben',
    'Stand',
    'Tage im Stand',
    'Im Stand seit',
    'Handlungsfeld',
    'Gebiete',
    'Verantwortlich',
    'Fortschritt (%)',
    'Nächster Schritt',
    'ID',
  ],
  [Language.English]: [
    'Project',
    'State',
    'Days in state',
    'In state since',
    'Field of action',
    'Areas',
    'Responsible',
    'Progress (%)',
    'Next step',
    'ID',
  ],
};

const STATE_LABELS: Record<ExportLanguage, Record<ProjectState, string>> = {
  [Language.German]: {
    [ProjectState.Idea]: 'Projektidee',
    [ProjectState.SingleProject]: 'Einzelprojekt',
    [ProjectState.ProjectType]: 'Projekttyp',
    [ProjectState.RegularOperation]: 'Regelbetrieb',
    [ProjectState.Rejected]: 'Abgelehnt',
    [ProjectState.Parked]: 'Zurückgestellt',
    [ProjectState.Ended]: 'Beendet',
  },
  [Language.English]: {
    [ProjectState.Idea]: 'Project idea',
    [ProjectState.SingleProject]: 'Single project',
    [ProjectState.ProjectType]: 'Project type',
    [ProjectState.RegularOperation]: 'Regular operation',
    [ProjectState.Rejected]: 'Rejected',
    [ProjectState.Parked]: 'Parked',
    [ProjectState.Ended]: 'Ended',
  },
};

const NEXT_STEP_LABELS: Record<ExportLanguage, Partial<Record<TransitionId, string>>> = {
  [Language.German]: {
    [TransitionId.PromoteToSingleProject]: 'Zum Einzelprojekt machen',
    [TransitionId.PromoteToProjectType]: 'Zum Projekttyp machen',
    [TransitionId.EnterRegularOperation]: 'In den Regelbetrieb übernehmen',
  },
  [Language.English]: {
    [TransitionId.PromoteToSingleProject]: 'Promote to single project',
    [TransitionId.PromoteToProjectType]: 'Promote to project type',
    [TransitionId.EnterRegularOperation]: 'Enter regular operation',
  },
};

type ExportRow = [string, string, number, string, string, string, string | null, number | null, string | null, string];

/** One export row per item, in the columns of HEADERS. */
function exportRows(items: PortfolioItem[], lang: ExportLanguage): ExportRow[] {
  return items.map((i) => [
    i.title,
    STATE_LABELS[lang][i.state],
    i.daysInState,
    calendarDate(new Date(i.stateSince)),
    `${i.fieldOfAction.code} – ${lang === Language.English ? i.fieldOfAction.name.en : i.fieldOfAction.name.de}`,
    i.areas.map((a) => a.name).join(', '),
    i.responsibleBody,
    i.progressPercent,
    i.nextStep ? (NEXT_STEP_LABELS[lang][i.nextStep] ?? i.nextStep) : null,
    i.id,
  ]);
}

/**
 * The administrators' portfolio: every project by Handlungsfeld × area × state, how long each has
 * been in its state (where things get stuck), and the same list as CSV and XLSX.
 */
@Injectable()
export class ProjectPortfolioService {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    private readonly queries: ProjectQueriesService,
  ) {}

  async portfolio(query: PortfolioQueryDto, now: Date = new Date()): Promise<PortfolioResponse> {
    const allAreas = await this.areas.find();
    const inFilter = query.areaId ? new Set(descendants(allAreas, query.areaId)) : null;
    const qb = this.projects.createQueryBuilder('p').leftJoinAndSelect('p.fieldOfAction', 'f');
    if (query.state) qb.andWhere('p.state = :state', { state: query.state });
    if (query.fieldOfActionId) qb.andWhere('p.fieldOfActionId = :fieldId', { fieldId: query.fieldOfActionId });
    if (inFilter)
      qb.andWhere('EXISTS (SELECT 1 FROM project_areas pa WHERE pa."projectId" = p.id AND pa."areaId" IN (:...areaIds))', {
        areaIds: [...inFilter],
      });
    const rows = await qb.getMany();
    const summaries = await this.queries.summaries(rows);
    const items: PortfolioItem[] = summaries.map((s) => ({ ...s, daysInState: daysBetween(new Date(s.stateSince), now) }));
    items.sort((a, b) => b.daysInState - a.daysInState || a.title.localeCompare(b.title, 'de') || a.id.localeCompare(b.id));

    // The matrix: a project in two areas counts in both (only the areas inside the filter).
    const cells = new Map<string, PortfolioCell>();
    const fields = new Map<string, ProjectFieldRef & { sortOrder: number }>();
    const areas = new Map<string, ProjectAreaRef>();
    const sortOrder = new Map(rows.map((p) => [p.fieldOfAction.id, p.fieldOfAction.sortOrder]));
    for (const item of items) {
      fields.set(item.fieldOfAction.id, { ...item.fieldOfAction, sortOrder: sortOrder.get(item.fieldOfAction.id) ?? 0 });
      for (const area of item.areas) {
        if (inFilter && !inFilter.has(area.id)) continue;
        areas.set(area.id, area);
        const key = `${item.fieldOfAction.id}|${area.id}|${item.state}`;
        const cell = cells.get(key) ?? { fieldOfActionId: item.fieldOfAction.id, areaId: area.id, state: item.state, count: 0 };
        cell.count++;
        cells.set(key, cell);
      }
    }
    const byState: PortfolioStateAge[] = PROJECT_STATES.map((state) => {
      const days = items
        .filter((i) => i.state === state)
        .map((i) => i.daysInState)
        .sort((a, b) => a - b);
      return { state, count: days.length, medianDaysInState: median(days), maxDaysInState: days.length ? days[days.length - 1] : null };
    });
    return {
      generatedAt: now.toISOString(),
      fields: [...fields.values()]
        .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
        .map(({ sortOrder: _s, ...f }) => f),
      areas: [...areas.values()].sort((a, b) => a.name.localeCompare(b.name, 'de')),
      cells: [...cells.values()],
      byState,
      items,
      total: items.length,
    };
  }

  /**
   * RFC 4180 CSV with the conventions of the open-data export (apps/api/src/modules/exports):
   * comma, CRLF, a header row, no BOM, and text a spreadsheet would run as a formula neutralised by
   * the platform's one CSV writer (common/http/csv), because administrators open it in one.
   */
  async csv(query: PortfolioExportQueryDto, user: User): Promise<{ generatedAt: string; body: string }> {
    const lang = exportLanguage(query, user);
    const { generatedAt, items } = await this.portfolio(query);
    const body = writeCsv(HEADERS[lang], exportRows(items, lang));
    return { generatedAt, body };
  }

  /** The same list as an .xlsx workbook: one sheet, a bold, frozen header row. */
  async xlsx(query: PortfolioExportQueryDto, user: User): Promise<{ generatedAt: string; body: Buffer }> {
    const lang = exportLanguage(query, user);
    const { generatedAt, items } = await this.portfolio(query);
    const header = HEADERS[lang].map((value) => ({ value, fontWeight: 'bold' as const }));
    const text = (value: string | null) => (value === null ? null : { value, type: String });
    const num = (value: number | null) => (value === null ? null : { value, type: Number });
    const rows = exportRows(items, lang).map((r) => [
      text(r[0]),
      text(r[1]),
      num(r[2]),
      text(r[3]),
      text(r[4]),
      text(r[5]),
      text(r[6]),
      num(r[7]),
      text(r[8]),
      text(r[9]),
    ]);
    const body = await writeExcelFile([header, ...rows], {
      sheet: lang === Language.English ? 'Portfolio' : 'Vorhaben',
      columns: [48, 16, 12, 14, 44, 30, 32, 14, 30, 38].map((width) => ({ width })),
      stickyRowsCount: 1,
    }).toBuffer();
    return { generatedAt, body };
  }
}

/** ?lang= if given, else the administrator's own language: German for German and Leichte Sprache, English for every other. */
function exportLanguage(query: PortfolioExportQueryDto, user: User): ExportLanguage {
  return htmlLang(query.lang ?? user.language) === Language.German ? Language.German : Language.English;
}
