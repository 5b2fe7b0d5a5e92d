import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import {
  AreaType,
  availableTransitions,
  checkEvaluation,
  checkTransition,
  ErrorCode,
  getTransition,
  PROJECT_STATE_INFO,
  PROJECT_STATE_NAMES,
  PROJECT_STATES,
  ProjectEventKind,
  ProjectState,
  ProposalStatus,
  Role,
  TransitionId,
  type FieldErrorDetail,
  type MissingField,
  type Page,
  type ProjectDetail,
  type ProjectRunFacts,
  type ProjectSummary,
  type ProjectTransitionResponse,
  type ProjectTransitionsResponse,
  type TransitionAllowed,
  type WorkflowSubject,
} from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transactions';
import { Area } from '../areas/area.entity';
import { LiveProposalEntity } from '../assemblies/entities/live.entities';
import { AuditService } from '../audit/audit.service';
import { FieldOfAction } from '../fields-of-action/field-of-action.entity';
import { FollowsService } from '../follows/follows.service';
import { Proposal } from '../proposals/proposal.entity';
import { ProposalsService } from '../proposals/proposals.service';
import type { User } from '../users/user.entity';
import type {
  CreateProjectIdeaDto,
  LinkProposalDto,
  ProjectListQueryDto,
  RecordEvaluationDto,
  TransitionRequestDto,
} from './dto/project.dto';
import { Project, ProjectArea, ProjectEvent, ProjectProposal } from './project.entities';
import { toDetail, toSummary } from './project.mapper';

/** The largest funding amount the API stores (the column is a 32-bit integer of cents: 20 million euros). */
export const MAX_FUNDING_CENTS = 2_000_000_000;

/** Proposals that can still be grouped into an idea (answered ones too; not rejected, withdrawn, merged or grouped). */
const LINKABLE: ProposalStatus[] = [ProposalStatus.Submitted, ProposalStatus.Evaluating, ProposalStatus.Accepted];

/** The fields a transition writes onto the project, from the normalised values of checkTransition. */
function writtenFields(check: TransitionAllowed): Partial<Project> {
  const v = check.values;
  const str = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : null);
  switch (check.transition.id) {
    case TransitionId.PromoteToSingleProject:
    case TransitionId.CreateInstanceFromType:
      return {
        operatorName: str('operatorName'),
        actionAreaId: str('areaId'),
        startDate: str('startDate'),
        endDate: str('endDate'),
        fundingSource: str('fundingSource'),
        fundingAmountCents: typeof v.fundingAmountCents === 'number' ? v.fundingAmountCents : null,
      };
    case TransitionId.PromoteToProjectType:
      return { patternDescription: str('patternDescription') };
    case TransitionId.EnterRegularOperation:
      return {
        responsibleDepartment: str('responsibleDepartment'),
        budgetLine: str('budgetLine'),
        decisionBody: str('decisionBody'),
        decisionNumber: str('decisionNumber'),
        decisionDate: str('decisionDate'),
      };
    default:
      return {};
  }
}

/** Recorded on the event: the normalised input without the reason (which has its own column). */
function eventData(check: TransitionAllowed): Record<string, unknown> | null {
  const { reason: _reason, ...rest } = check.values;
  return Object.keys(rest).length ? rest : null;
}

const conflict = (project: Pick<Project, 'version'>, expected: number) =>
  new DomainError(
    ErrorCode.Conflict,
    `The project was changed meanwhile (it is at version ${project.version}, you saw version ${expected}). Reload it and try again.`,
  );

@Injectable()
export class ProjectsService {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(ProjectArea) private readonly projectAreas: Repository<ProjectArea>,
    @InjectRepository(ProjectProposal) private readonly links: Repository<ProjectProposal>,
    @InjectRepository(ProjectEvent) private readonly events: Repository<ProjectEvent>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    @InjectRepository(FieldOfAction) private readonly fields: Repository<FieldOfAction>,
    @InjectRepository(LiveProposalEntity) private readonly liveProposals: Repository<LiveProposalEntity>,
    private readonly proposals: ProposalsService,
    private readonly follows: FollowsService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  // ---------------------------------------------------------------- reading

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
    const areas = await this.areasOf(rows.map((r) => r.id));
    return { items: rows.map((p) => toSummary(p, areas.get(p.id) ?? [])), total, page, pageSize };
  }

  async get(id: string): Promise<ProjectDetail> {
    const p = await this.projects.findOne({ where: { id }, relations: { fieldOfAction: true, actionArea: true, type: true } });
    if (!p) throw notFound('The project');
    const [areas, instances, links, timeline] = await Promise.all([
      this.areasOf([id]),
      this.projects.find({ where: { typeId: id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.links.find({
        where: { projectId: id },
        relations: { proposal: true, liveProposal: true },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
      this.events.find({ where: { projectId: id }, order: { version: 'ASC' } }),
    ]);
    return toDetail(p, areas.get(id) ?? [], instances, links, timeline);
  }

  async transitions(user: User, id: string): Promise<ProjectTransitionsResponse> {
    const p = await this.find(id);
    const subject = await this.subjectOf(p);
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

  // ---------------------------------------------------------------- grouping

  async create(user: User, dto: CreateProjectIdeaDto): Promise<ProjectDetail> {
    if (!(await this.fields.existsBy({ id: dto.fieldOfActionId })))
      throw this.invalidReference('fieldOfActionId', 'The field of action (Handlungsfeld) does not exist.');
    const areaIds = [...new Set(dto.areaIds)];
    const areas = await this.areas.findBy({ id: In(areaIds) });
    if (areas.length !== areaIds.length) throw this.invalidReference('areaIds', 'One or more of the areas do not exist.');
    const outside = areas.filter((a) => !this.proposals.moderates(user, a));
    if (outside.length)
      throw new DomainError(
        ErrorCode.Forbidden,
        `You moderate other areas; ${outside.map((a) => a.name).join(', ')} is not in your scope.`,
      );
    const id = await this.tx.run(async (m) => {
      const saved = await m.save(
        m.create(Project, {
          title: dto.title,
          description: dto.description,
          fieldOfActionId: dto.fieldOfActionId,
          state: ProjectState.Idea,
          version: 1,
          stateSince: new Date(),
          createdById: user.id,
        }),
      );
      await m.insert(
        ProjectArea,
        areaIds.map((areaId) => ({ projectId: saved.id, areaId })),
      );
      await this.record(m, saved.id, 1, ProjectEventKind.Created, null, ProjectState.Idea, user, null, { title: dto.title });
      await this.audit.record({ actorId: user.id, action: 'project.create', entityType: 'project', entityId: saved.id }, m);
      return saved.id;
    });
    return this.get(id);
  }

  async link(user: User, id: string, dto: LinkProposalDto): Promise<ProjectDetail> {
    if (Boolean(dto.proposalId) === Boolean(dto.liveProposalId)) {
      const message = 'Name exactly one of proposalId (an online proposal) and liveProposalId (a proposal from an assembly).';
      throw new DomainError(ErrorCode.ValidationFailed, message, [{ field: 'proposalId', messages: [message] }]);
    }
    const project = await this.findForGrouping(user, id);
    let proposal: Proposal | null = null;
    let live: LiveProposalEntity | null = null;
    if (dto.proposalId) {
      proposal = await this.proposals.findForAction(dto.proposalId);
      if (!this.proposals.moderates(user, proposal.area))
        throw new DomainError(ErrorCode.Forbidden, 'You moderate other areas; this proposal is not in your scope.');
      if (proposal.hiddenAt) throw new DomainError(ErrorCode.ProposalClosed, 'This proposal is hidden; restore it before grouping it.');
    } else {
      live = await this.liveProposals.findOneBy({ id: dto.liveProposalId! });
      if (!live) throw notFound('The live proposal');
    }
    const existing = await this.links.findOne({
      where: proposal ? { proposalId: proposal.id } : { liveProposalId: live!.id },
      relations: { project: true },
    });
    if (existing)
      throw new DomainError(
        ErrorCode.Conflict,
        existing.projectId === id
          ? 'This proposal is already part of this project idea.'
          : `This proposal already belongs to the project idea "${existing.project.title}"; unlink it there first.`,
      );
    if (proposal && !LINKABLE.includes(proposal.status))
      throw new DomainError(
        ErrorCode.ProposalClosed,
        `A proposal that is "${proposal.status}" cannot be grouped into a project idea; only submitted, evaluated or accepted ones can.`,
      );
    const title = proposal ? proposal.title : live!.text.slice(0, 140);
    await this.tx.run(async (m) => {
      const version = await this.bump(m, project, project.version);
      try {
        await m.insert(ProjectProposal, {
          projectId: id,
          proposalId: proposal?.id ?? null,
          liveProposalId: live?.id ?? null,
          previousStatus: proposal?.status ?? null,
          linkedById: user.id,
        });
      } catch {
        // The unique columns refuse a proposal grouped at the same moment elsewhere.
        throw new DomainError(ErrorCode.Conflict, 'This proposal was grouped into a project idea at the same moment; reload and check.');
      }
      if (proposal) {
        const moved = await m.update(Proposal, { id: proposal.id, status: In(LINKABLE) }, { status: ProposalStatus.InProjectIdea });
        if (!moved.affected) throw new DomainError(ErrorCode.ProposalClosed, 'This proposal changed meanwhile and cannot be grouped.');
      }
      await this.record(m, id, version, ProjectEventKind.ProposalLinked, project.state, project.state, user, null, {
        kind: proposal ? 'proposal' : 'live_proposal',
        id: proposal?.id ?? live!.id,
        title,
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'project.link',
          entityType: 'project',
          entityId: id,
          details: { proposalId: dto.proposalId, liveProposalId: dto.liveProposalId },
        },
        m,
      );
    });
    if (proposal) {
      const explanation = `Part of the project idea "${project.title}".`;
      await this.proposals.recordStatus(proposal.id, ProposalStatus.InProjectIdea, user, explanation);
      await this.follows.notifyFollowers(proposal.id, { kind: 'answered', status: ProposalStatus.InProjectIdea, explanation });
    }
    return this.get(id);
  }

  async unlink(user: User, id: string, linkId: string): Promise<ProjectDetail> {
    const project = await this.findForGrouping(user, id);
    const link = await this.links.findOneBy({ id: linkId, projectId: id });
    if (!link) throw notFound('The linked proposal');
    const restore = link.previousStatus ?? ProposalStatus.Submitted;
    await this.tx.run(async (m) => {
      const version = await this.bump(m, project, project.version);
      await m.delete(ProjectProposal, { id: linkId });
      if (link.proposalId) await m.update(Proposal, { id: link.proposalId, status: ProposalStatus.InProjectIdea }, { status: restore });
      await this.record(m, id, version, ProjectEventKind.ProposalUnlinked, project.state, project.state, user, null, {
        kind: link.proposalId ? 'proposal' : 'live_proposal',
        id: link.proposalId ?? link.liveProposalId,
      });
    });
    if (link.proposalId)
      await this.proposals.recordStatus(link.proposalId, restore, user, `No longer part of the project idea "${project.title}".`);
    return this.get(id);
  }

  // ---------------------------------------------------------------- the workflow

  async transition(user: User, id: string, dto: TransitionRequestDto): Promise<ProjectTransitionResponse> {
    if (!getTransition(dto.transitionId)) throw new DomainError(ErrorCode.NotFound, `There is no transition "${dto.transitionId}".`);
    const before = await this.find(id);
    if (!(await this.actsOn(user, id)))
      throw new DomainError(ErrorCode.Forbidden, 'You moderate other areas; this project is not in your scope.');
    if (before.version !== dto.expectedVersion) throw conflict(before, dto.expectedVersion);
    const input = dto.input ?? {};
    const result = await this.tx.run(async (m) => {
      // Decide on what the transaction reads: a writer that got here first has changed it.
      const p = await m.findOneByOrFail(Project, { id });
      if (p.version !== dto.expectedVersion) throw conflict(p, dto.expectedVersion);
      const check = checkTransition(await this.subjectOf(p, m), dto.transitionId, input, { role: user.role });
      if (!check.ok) {
        switch (check.reason) {
          case 'unknown_transition':
            throw new DomainError(ErrorCode.NotFound, check.message);
          case 'wrong_state':
            throw new DomainError(ErrorCode.TransitionNotAllowed, check.message);
          case 'role':
            throw new DomainError(ErrorCode.Forbidden, check.message);
          case 'missing_fields':
            throw new DomainError(ErrorCode.TransitionFieldsMissing, check.message, check.missing.map(toDetail422));
        }
      }
      await this.checkReferences(m, check);
      const fields = writtenFields(check);
      const reason = typeof check.values.reason === 'string' ? check.values.reason : null;
      if (check.transition.effect === 'create_instance') {
        const version = await this.bump(m, p, dto.expectedVersion);
        const area = await m.findOneByOrFail(Area, { id: fields.actionAreaId! });
        const created = await m.save(
          m.create(Project, {
            ...fields,
            title: `${p.title} – ${area.name}`.slice(0, 200),
            description: p.description,
            fieldOfActionId: p.fieldOfActionId,
            state: check.createdState!,
            version: 1,
            stateSince: new Date(),
            typeId: p.id,
            createdById: user.id,
          }),
        );
        await m.insert(ProjectArea, { projectId: created.id, areaId: area.id });
        await this.record(m, created.id, 1, check.transition.id, null, check.createdState!, user, reason, {
          ...eventData(check),
          typeId: p.id,
          typeTitle: p.title,
        });
        await this.record(m, p.id, version, check.transition.id, p.state, p.state, user, reason, {
          ...eventData(check),
          createdProjectId: created.id,
        });
        await this.auditTransition(m, user, p, check, created.id);
        return { createdId: created.id };
      }
      const version = await this.bump(m, p, dto.expectedVersion, {
        ...fields,
        state: check.nextState,
        parkedFrom: check.nextState === ProjectState.Parked ? p.state : null,
        stateSince: new Date(),
      });
      if (fields.actionAreaId)
        await m
          .createQueryBuilder()
          .insert()
          .into(ProjectArea)
          .values({ projectId: p.id, areaId: fields.actionAreaId })
          .orIgnore()
          .execute();
      await this.record(m, p.id, version, check.transition.id, p.state, check.nextState, user, reason, eventData(check));
      await this.auditTransition(m, user, p, check, null);
      return { createdId: null };
    });
    return { project: await this.get(id), created: result.createdId ? await this.get(result.createdId) : null };
  }

  /** Marks a single project's run as finished and records its evaluation (what the project-type guard looks at). */
  async recordEvaluation(user: User, id: string, dto: RecordEvaluationDto): Promise<ProjectDetail> {
    const before = await this.find(id);
    if (before.version !== dto.expectedVersion) throw conflict(before, dto.expectedVersion);
    const problems = checkEvaluation(dto, new Date(), '');
    if (problems.length)
      throw new DomainError(
        ErrorCode.TransitionFieldsMissing,
        `The evaluation is not complete: ${problems.map((p) => p.message).join(' ')}`,
        problems.map(toDetail422),
      );
    await this.tx.run(async (m) => {
      const p = await m.findOneByOrFail(Project, { id });
      if (p.version !== dto.expectedVersion) throw conflict(p, dto.expectedVersion);
      const isRun =
        p.actionAreaId !== null &&
        (p.state === ProjectState.SingleProject ||
          p.state === ProjectState.Ended ||
          (p.state === ProjectState.Parked && p.parkedFrom === ProjectState.SingleProject));
      if (!isRun)
        throw new DomainError(
          ErrorCode.TransitionNotAllowed,
          `Only a single project (running, parked or ended) has a run to evaluate; this project is ${PROJECT_STATE_NAMES[p.state]}.`,
        );
      const now = new Date();
      const indicatorKeys = [...new Set(dto.indicatorKeys.map((k) => k.trim()))];
      const version = await this.bump(m, p, dto.expectedVersion, {
        finishedAt: p.finishedAt ?? now,
        evaluationOutcome: dto.outcome,
        evaluationEvidence: dto.evidence,
        evaluationIndicatorKeys: indicatorKeys,
        evaluatedAt: now,
      });
      await this.record(m, id, version, ProjectEventKind.RunEvaluated, p.state, p.state, user, null, {
        outcome: dto.outcome,
        indicatorKeys,
      });
      await this.audit.record(
        { actorId: user.id, action: 'project.evaluate', entityType: 'project', entityId: id, details: { outcome: dto.outcome } },
        m,
      );
    });
    return this.get(id);
  }

  // ---------------------------------------------------------------- helpers

  private async find(id: string): Promise<Project> {
    const p = await this.projects.findOneBy({ id });
    if (!p) throw notFound('The project');
    return p;
  }

  /** Administrators act on every project; moderators on projects touching an area they moderate. */
  private async actsOn(user: User, projectId: string): Promise<boolean> {
    if (user.role === Role.Administrator) return true;
    if (user.role !== Role.Moderator) return false;
    const rows = await this.projectAreas.find({ where: { projectId }, relations: { area: true } });
    return rows.length === 0 || rows.some((r) => this.proposals.moderates(user, r.area));
  }

  private async findForGrouping(user: User, id: string): Promise<Project> {
    const project = await this.find(id);
    if (!(await this.actsOn(user, id)))
      throw new DomainError(ErrorCode.Forbidden, 'You moderate other areas; this project idea is not in your scope.');
    if (project.state !== ProjectState.Idea)
      throw new DomainError(
        ErrorCode.TransitionNotAllowed,
        `Proposals are grouped into project ideas only; this project is ${PROJECT_STATE_NAMES[project.state]}.`,
      );
    return project;
  }

  /**
   * The conditional UPDATE of optimistic locking: changes the project only if it is still at
   * `expected`, and answers the new version. Of two writers that saw the same version, one wins
   * and the other gets 409 CONFLICT.
   */
  private async bump(
    m: EntityManager,
    p: Pick<Project, 'id' | 'version'>,
    expected: number,
    values: Partial<Project> = {},
  ): Promise<number> {
    const version = expected + 1;
    const result = await m
      .createQueryBuilder()
      .update(Project)
      .set({ ...values, version })
      .where('id = :id AND version = :expected', { id: p.id, expected })
      .execute();
    if (!result.affected) {
      const now = await m.findOneBy(Project, { id: p.id });
      throw conflict(now ?? p, expected);
    }
    return version;
  }

  private async record(
    m: EntityManager,
    projectId: string,
    version: number,
    transitionId: string,
    fromState: ProjectState | null,
    toState: ProjectState,
    actor: User,
    reason: string | null,
    data: Record<string, unknown> | null,
  ): Promise<void> {
    // save() rather than insert(): the JSON transformer takes a plain object there.
    await m.save(
      m.create(ProjectEvent, {
        projectId,
        version,
        transitionId,
        fromState,
        toState,
        actorRole: actor.role,
        actorId: actor.id,
        reason,
        data,
      }),
    );
  }

  private async auditTransition(
    m: EntityManager,
    user: User,
    p: Project,
    check: TransitionAllowed,
    createdId: string | null,
  ): Promise<void> {
    await this.audit.record(
      {
        actorId: user.id,
        action: `project.${check.transition.id}`,
        entityType: 'project',
        entityId: p.id,
        details: { from: p.state, to: check.nextState, ...(createdId ? { createdProjectId: createdId } : {}) },
      },
      m,
    );
  }

  /** What the guards cannot know: the Aktionsraum exists and is one, the amount fits the column. */
  private async checkReferences(m: EntityManager, check: TransitionAllowed): Promise<void> {
    const areaId = check.values.areaId;
    if (typeof areaId === 'string') {
      const area = await m.findOneBy(Area, { id: areaId });
      if (!area || area.type !== AreaType.ActionArea)
        throw this.invalidReference(
          'areaId',
          'Choose an existing Aktionsraum (action area) for the single project.',
          'TransitionFieldsMissing',
        );
    }
    const cents = check.values.fundingAmountCents;
    if (typeof cents === 'number' && cents > MAX_FUNDING_CENTS) {
      const message = `The funding amount may be at most ${MAX_FUNDING_CENTS} cents (20 million euros).`;
      throw new DomainError(ErrorCode.TransitionFieldsMissing, message, [
        { field: 'fundingAmountCents', messages: [message], rules: ['max'] },
      ]);
    }
  }

  private invalidReference(
    field: string,
    message: string,
    code: 'ReferenceInvalid' | 'TransitionFieldsMissing' = 'ReferenceInvalid',
  ): DomainError {
    return new DomainError(ErrorCode[code], message, [{ field, messages: [message], rules: ['reference'] }]);
  }

  /** What the workflow needs: state, parkedFrom and the runs (the project's own, and its instances'). */
  private async subjectOf(p: Project, m?: EntityManager): Promise<WorkflowSubject> {
    const repo = m ? m.getRepository(Project) : this.projects;
    const instances = await repo.find({ where: { typeId: p.id } });
    const runs: ProjectRunFacts[] = [p, ...instances]
      .filter((r) => r.actionAreaId !== null)
      .map((r) => ({
        id: r.id,
        areaId: r.actionAreaId!,
        // An ended run is over too.
        finished: r.finishedAt !== null || r.state === ProjectState.Ended,
        evaluation: r.evaluationOutcome
          ? { outcome: r.evaluationOutcome, evidence: r.evaluationEvidence ?? '', indicatorKeys: r.evaluationIndicatorKeys ?? [] }
          : null,
      }));
    return { state: p.state, parkedFrom: p.parkedFrom, runs };
  }

  private async areasOf(projectIds: string[]): Promise<Map<string, Area[]>> {
    const map = new Map<string, Area[]>();
    if (!projectIds.length) return map;
    const rows = await this.projectAreas.find({ where: { projectId: In(projectIds) }, relations: { area: true } });
    for (const r of rows) map.set(r.projectId, [...(map.get(r.projectId) ?? []), r.area]);
    for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'de'));
    return map;
  }
}

/** A MissingField as one entry of the error body's details. */
function toDetail422(m: MissingField): FieldErrorDetail {
  return { field: m.field, messages: [m.message], rules: [m.rule] };
}
