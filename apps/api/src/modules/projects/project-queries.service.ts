import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import {
  availableTransitions,
  ErrorCode,
  PROJECT_STATE_INFO,
  PROJECT_STATES,
  Role,
  type Page,
  type ProjectDetail,
  type ProjectSummary,
  type ProjectTransitionsResponse,
} from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { Area } from '../areas/area.entity';
import { Indicator } from '../indicators/indicator.entities';
import { moderatesArea } from '../users/moderator-scope';
import type { User } from '../users/user.entity';
import type { ProjectListQueryDto } from './dto/project.dto';
import { Project, ProjectArea, ProjectEvent, ProjectMilestoneEntity, ProjectProposal, ProjectStatusReportEntity } from './project.entities';
import { toDetail, toSummary } from './project.mapper';
import { workflowSubject } from './project-store';

/** Reading projects (Vorhabenliste, detail, available transitions) and the scope rules the writers share. */
@Injectable()
export class ProjectQueriesService {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(ProjectArea) private readonly projectAreas: Repository<ProjectArea>,
    @InjectRepository(ProjectProposal) private readonly links: Repository<ProjectProposal>,
    @InjectRepository(ProjectEvent) private readonly events: Repository<ProjectEvent>,
    @InjectRepository(ProjectMilestoneEntity) private readonly milestones: Repository<ProjectMilestoneEntity>,
    @InjectRepository(ProjectStatusReportEntity) private readonly reports: Repository<ProjectStatusReportEntity>,
    @InjectRepository(Indicator) private readonly indicators: Repository<Indicator>,
  ) {}

  async list(query: ProjectListQueryDto): Promise<Page<ProjectSummary>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const states = query.state ? [query.state] : PROJECT_STATES.filter((s) => PROJECT_STATE_INFO[s].current);
    const qb = this.projects.createQueryBuilder('p').where('p.state IN (:...states)', { states });
    if (query.fieldOfActionId) qb.andWhere('p.fieldOfActionId = :fieldId', { fieldId: query.fieldOfActionId });
    if (query.areaId) {
      // The area itself or its sub-areas (a Stadtbezirk finds the projects of its Aktionsräume).
      qb.andWhere(
        'EXISTS (SELECT 1 FROM project_areas pa JOIN areas a ON a.id = pa."areaId" WHERE pa."projectId" = p.id AND (a.id = :areaId OR a."parentId" = :areaId))',
        { areaId: query.areaId },
      );
    }
    const [rows, total] = await qb
      .leftJoinAndSelect('p.fieldOfAction', 'f')
      .orderBy('p.stateSince', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: await this.summaries(rows), total, page, pageSize };
  }

  /** Summaries of loaded projects (with fieldOfAction): their areas and progress in two queries. */
  async summaries(rows: Project[]): Promise<ProjectSummary[]> {
    const ids = rows.map((r) => r.id);
    const [areas, progress] = await Promise.all([this.areasOf(ids), this.progressOf(ids)]);
    return rows.map((p) => toSummary(p, areas.get(p.id) ?? [], progress.get(p.id) ?? null));
  }

  async get(id: string): Promise<ProjectDetail> {
    const p = await this.projects.findOne({ where: { id }, relations: { fieldOfAction: true, actionArea: true, type: true } });
    if (!p) throw notFound('The project');
    const [areas, instances, links, events, milestones, reports, indicators] = await Promise.all([
      this.areasOf([id]),
      this.projects.find({ where: { typeId: id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.links.find({
        where: { projectId: id },
        relations: { proposal: true, liveProposal: true },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
      this.events.find({ where: { projectId: id }, order: { version: 'ASC' } }),
      this.milestones.find({ where: { projectId: id } }),
      this.reports.find({ where: { projectId: id } }),
      this.indicatorsByKey(p.evaluationIndicatorKeys ?? []),
    ]);
    return toDetail(p, { areas: areas.get(id) ?? [], instances, links, events, milestones, reports, indicators });
  }

  /** The social report's indicators with these keys (an evaluation names what its run aimed at). */
  async indicatorsByKey(keys: string[]): Promise<Map<string, Indicator>> {
    if (keys.length === 0) return new Map();
    const found = await this.indicators.findBy({ key: In(keys) });
    return new Map(found.map((i) => [i.key, i]));
  }

  async transitions(user: User, id: string): Promise<ProjectTransitionsResponse> {
    const p = await this.find(id);
    const subject = await workflowSubject(this.projects.manager, p);
    // A moderator of other areas sees what exists but is allowed nothing here.
    const role = (await this.actsOn(user, p.id)) ? user.role : Role.Citizen;
    return {
      version: p.version,
      state: p.state,
      transitions: availableTransitions(subject, { role }).map((a) => ({
        transitionId: a.transition.id,
        labelKey: a.transition.labelKey,
        action: a.transition.action,
        description: a.transition.description,
        nextState: a.nextState,
        allowedForRole: a.allowedForRole,
        allowedRoles: [...a.allowedRoles],
        missing: a.missing,
        blocked: a.blocked,
        possible: a.possible,
      })),
    };
  }

  // ---------------------------------------------------------------- shared by the writers

  async find(id: string): Promise<Project> {
    const p = await this.projects.findOneBy({ id });
    if (!p) throw notFound('The project');
    return p;
  }

  /** Administrators act on every project; moderators on projects touching an area they moderate. */
  async actsOn(user: User, projectId: string): Promise<boolean> {
    if (user.role === Role.Administrator) return true;
    if (user.role !== Role.Moderator) return false;
    const rows = await this.projectAreas.find({ where: { projectId }, relations: { area: true } });
    return rows.length === 0 || rows.some((r) => moderatesArea(user, r.area));
  }

  /** The project, if the user acts on it (403 otherwise). */
  async findInScope(user: User, id: string, what = 'this project'): Promise<Project> {
    const project = await this.find(id);
    if (!(await this.actsOn(user, id)))
      throw new DomainError(ErrorCode.Forbidden, `You moderate other areas; ${what} is not in your scope.`);
    return project;
  }

  moderates(user: User, area: Pick<Area, 'id' | 'parentId'>): boolean {
    return moderatesArea(user, area);
  }

  /** Each project's areas, by name. */
  async areasOf(projectIds: string[]): Promise<Map<string, Area[]>> {
    const map = new Map<string, Area[]>();
    if (!projectIds.length) return map;
    for (const chunk of chunks(projectIds)) {
      const rows = await this.projectAreas.find({ where: { projectId: In(chunk) }, relations: { area: true } });
      for (const r of rows) map.set(r.projectId, [...(map.get(r.projectId) ?? []), r.area]);
    }
    for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'de'));
    return map;
  }

  /** The progress of each project's newest status report (by report date, then by when it was written). */
  async progressOf(projectIds: string[]): Promise<Map<string, number>> {
    const newest = new Map<string, ProjectStatusReportEntity>();
    for (const chunk of chunks(projectIds)) {
      const rows = await this.reports.find({
        where: { projectId: In(chunk) },
        select: { id: true, projectId: true, reportDate: true, progressPercent: true, createdAt: true },
      });
      for (const r of rows) {
        const best = newest.get(r.projectId);
        if (
          !best ||
          r.reportDate > best.reportDate ||
          (r.reportDate === best.reportDate && r.createdAt.getTime() > best.createdAt.getTime())
        )
          newest.set(r.projectId, r);
      }
    }
    return new Map([...newest].map(([id, r]) => [id, r.progressPercent]));
  }
}

/** IN lists of at most 500 ids (SQLite's bound-parameter limit is far away, but lists stay short). */
function chunks(ids: string[], size = 500): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}
