import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import {
  ErrorCode,
  LiveProposalStatus,
  PROJECT_STATE_NAMES,
  ProjectEventKind,
  ProjectState,
  ProposalStatus,
  ProposalStatusNoteKind,
  type GroupingBoardResponse,
  type GroupingCandidate,
  type ProjectDetail,
  type ProjectLinkedProposal,
} from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transactions';
import { Area } from '../areas/area.entity';
import { Assembly } from '../assemblies/entities/assembly.entity';
import { LiveProposalEntity } from '../live/entities/live.entities';
import { AuditService } from '../audit/audit.service';
import { FieldOfAction } from '../fields-of-action/field-of-action.entity';
import { FollowsService } from '../follows/follows.service';
import { Proposal } from '../proposals/proposal.entity';
import { ProposalCommandsService } from '../proposals/proposal-commands.service';
import { ProposalQueriesService } from '../proposals/proposal-queries.service';
import { moderatesArea } from '../users/moderator-scope';
import type { User } from '../users/user.entity';
import type { GroupingBoardQueryDto } from './dto/grouping.dto';
import type { CreateProjectIdeaDto, LinkProposalDto } from './dto/project-idea.dto';
import { Project, ProjectProposal } from './project.entities';
import { linked } from './project.mapper';
import { ProjectQueriesService } from './project-queries.service';
import { bumpVersion, createIdea, invalidReference, recordEvent, recordLink } from './project-store';
import { IdeaMatcher } from './project-suggestions';

/** Proposals that can still be grouped into an idea (answered ones too; not rejected, withdrawn, merged or grouped). */
export const LINKABLE: ProposalStatus[] = [ProposalStatus.Submitted, ProposalStatus.Evaluating, ProposalStatus.Accepted];

/** How much of a candidate's text the board shows. */
const EXCERPT_LENGTH = 200;

const excerpt = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
};

/** Grouping proposals into project ideas: creating ideas, linking and unlinking, and the grouping board. */
@Injectable()
export class ProjectGroupingService {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(ProjectProposal) private readonly links: Repository<ProjectProposal>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    @InjectRepository(FieldOfAction) private readonly fields: Repository<FieldOfAction>,
    @InjectRepository(LiveProposalEntity) private readonly liveProposals: Repository<LiveProposalEntity>,
    @InjectRepository(Proposal) private readonly proposalRows: Repository<Proposal>,
    @InjectRepository(Assembly) private readonly assemblies: Repository<Assembly>,
    private readonly queries: ProjectQueriesService,
    private readonly proposals: ProposalQueriesService,
    private readonly proposalCommands: ProposalCommandsService,
    private readonly follows: FollowsService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  async create(user: User, dto: CreateProjectIdeaDto): Promise<ProjectDetail> {
    if (!(await this.fields.existsBy({ id: dto.fieldOfActionId })))
      throw invalidReference('fieldOfActionId', 'The field of action (Handlungsfeld) does not exist.');
    const areaIds = [...new Set(dto.areaIds)];
    const areas = await this.areas.findBy({ id: In(areaIds) });
    if (areas.length !== areaIds.length) throw invalidReference('areaIds', 'One or more of the areas do not exist.');
    const outside = areas.filter((a) => !moderatesArea(user, a));
    if (outside.length)
      throw new DomainError(
        ErrorCode.Forbidden,
        `You moderate other areas; ${outside.map((a) => a.name).join(', ')} is not in your scope.`,
      );
    const id = await this.tx.run(async (m) => {
      const saved = await createIdea(m, { ...dto, areaIds }, user);
      await this.audit.record({ actorId: user.id, action: 'project.create', entityType: 'project', entityId: saved.id }, m);
      return saved.id;
    });
    return this.queries.get(id);
  }

  async link(user: User, id: string, dto: LinkProposalDto): Promise<ProjectDetail> {
    if (Boolean(dto.proposalId) === Boolean(dto.liveProposalId)) {
      const message = 'Name exactly one of proposalId (an online proposal) and liveProposalId (a proposal from an assembly).';
      throw new DomainError(ErrorCode.ValidationFailed, message, [{ field: 'proposalId', messages: [message] }]);
    }
    const project = await this.findIdea(user, id);
    let proposal: Proposal | null = null;
    let live: LiveProposalEntity | null = null;
    if (dto.proposalId) {
      proposal = await this.proposals.findForAction(dto.proposalId);
      if (!moderatesArea(user, proposal.area))
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
      await recordLink(
        m,
        project,
        { proposalId: proposal?.id ?? null, liveProposalId: live?.id ?? null, previousStatus: proposal?.status ?? null, title },
        user,
      );
      if (proposal) {
        const moved = await this.proposalCommands.moveStatus(m, proposal.id, In(LINKABLE), ProposalStatus.InProjectIdea);
        if (!moved) throw new DomainError(ErrorCode.ProposalClosed, 'This proposal changed meanwhile and cannot be grouped.');
        // The platform's note, not prose: the timeline and the mails write it in each reader's language.
        const note = { kind: ProposalStatusNoteKind.JoinedIdea, title: project.title };
        await this.proposalCommands.recordStatus(proposal.id, ProposalStatus.InProjectIdea, user, null, m, note);
      }
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
      if (proposal) {
        const note = { kind: ProposalStatusNoteKind.JoinedIdea, title: project.title };
        await this.follows.notifyFollowers(
          proposal.id,
          { kind: 'answered', status: ProposalStatus.InProjectIdea, explanation: null, note },
          m,
        );
      }
    });
    return this.queries.get(id);
  }

  async unlink(user: User, id: string, linkId: string): Promise<ProjectDetail> {
    const project = await this.findIdea(user, id);
    const link = await this.links.findOneBy({ id: linkId, projectId: id });
    if (!link) throw notFound('The linked proposal');
    const restore = link.previousStatus ?? ProposalStatus.Submitted;
    await this.tx.run(async (m) => {
      const version = await bumpVersion(m, project, project.version);
      await m.delete(ProjectProposal, { id: linkId });
      if (link.proposalId) {
        await this.proposalCommands.moveStatus(m, link.proposalId, ProposalStatus.InProjectIdea, restore);
        await this.proposalCommands.recordStatus(link.proposalId, restore, user, null, m, {
          kind: ProposalStatusNoteKind.LeftIdea,
          title: project.title,
        });
      }
      await recordEvent(m, id, version, ProjectEventKind.ProposalUnlinked, project.state, project.state, user, null, {
        kind: link.proposalId ? 'proposal' : 'live_proposal',
        id: link.proposalId ?? link.liveProposalId,
      });
    });
    return this.queries.get(id);
  }

  // ---------------------------------------------------------------- the grouping board

  /**
   * Proposals not yet in an idea on one side, the project ideas of the same areas on the other,
   * with suggestions of which idea each proposal fits. For an area: its online proposals and those
   * of its sub-areas; for an assembly: its approved live proposals, and the ideas of its areas.
   */
  async board(user: User, query: GroupingBoardQueryDto): Promise<GroupingBoardResponse> {
    if (Boolean(query.areaId) === Boolean(query.assemblyId)) {
      const message = 'Name exactly one of areaId (an area and its sub-areas) and assemblyId (an assembly).';
      throw new DomainError(ErrorCode.ValidationFailed, message, [{ field: 'areaId', messages: [message] }]);
    }
    let areaIds: string[];
    let candidates: Array<Omit<GroupingCandidate, 'suggestions'> & { text: string }>;
    if (query.areaId) {
      const all = await this.areas.find();
      const area = all.find((a) => a.id === query.areaId);
      if (!area) throw notFound('The area');
      if (!moderatesArea(user, area))
        throw new DomainError(ErrorCode.Forbidden, `You moderate other areas; ${area.name} is not in your scope.`);
      areaIds = descendants(all, area.id);
      candidates = await this.onlineCandidates(areaIds);
    } else {
      const assembly = await this.assemblies.findOne({ where: { id: query.assemblyId }, relations: { areas: true } });
      if (!assembly) throw notFound('The assembly');
      if (!assembly.areas.some((a) => moderatesArea(user, a)))
        throw new DomainError(ErrorCode.Forbidden, 'You moderate other areas; this assembly is not in your scope.');
      areaIds = assembly.areas.map((a) => a.id);
      candidates = await this.liveCandidates(assembly.id);
    }
    const ideas = await this.ideasIn(areaIds);
    const matcher = new IdeaMatcher(
      ideas.map((i) => ({
        projectId: i.project.id,
        title: i.project.title,
        text: [i.project.title, i.description, ...i.proposals.map((l) => l.title)].join('\n'),
      })),
    );
    return {
      candidates: candidates.map(({ text, ...c }) => ({ ...c, suggestions: matcher.suggest(`${c.title}\n${text}`) })),
      ideas: ideas.map(({ project, proposals }) => ({ project, proposals })),
    };
  }

  private async onlineCandidates(areaIds: string[]) {
    if (!areaIds.length) return [];
    const rows = await this.proposalRows
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.area', 'a')
      .where('p.areaId IN (:...areaIds)', { areaIds })
      .andWhere('p.hiddenAt IS NULL')
      .andWhere('p.status IN (:...linkable)', { linkable: LINKABLE })
      .andWhere('NOT EXISTS (SELECT 1 FROM project_proposals pp WHERE pp."proposalId" = p.id)')
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
    return rows.map((p) => ({
      kind: 'proposal' as const,
      id: p.id,
      title: p.title,
      text: p.body,
      excerpt: excerpt(p.body),
      areaName: p.area.name,
      fieldOfActionId: p.fieldOfActionId,
      assemblyId: null,
      supportCount: p.supportCount,
      createdAt: p.createdAt.toISOString(),
    }));
  }

  private async liveCandidates(assemblyId: string) {
    const rows = await this.liveProposals
      .createQueryBuilder('l')
      .where('l.assemblyId = :assemblyId', { assemblyId })
      .andWhere('l.status = :approved', { approved: LiveProposalStatus.Approved })
      .andWhere('NOT EXISTS (SELECT 1 FROM project_proposals pp WHERE pp."liveProposalId" = l.id)')
      .orderBy('l.createdAt', 'DESC')
      .addOrderBy('l.id', 'ASC')
      .getMany();
    return rows.map((l) => ({
      kind: 'live_proposal' as const,
      id: l.id,
      // A live proposal is one text (a card in the hall): its start is the title.
      title: l.text.length <= 140 ? l.text : `${l.text.slice(0, 139).trimEnd()}…`,
      text: l.text,
      excerpt: excerpt(l.text),
      areaName: null,
      fieldOfActionId: null,
      assemblyId: l.assemblyId,
      supportCount: l.supportCount,
      createdAt: l.createdAt.toISOString(),
    }));
  }

  /** Project ideas touching these areas, newest first, with their linked proposals. */
  private async ideasIn(areaIds: string[]) {
    if (!areaIds.length) return [];
    const rows = await this.projects
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.fieldOfAction', 'f')
      .where('p.state = :idea', { idea: ProjectState.Idea })
      .andWhere('EXISTS (SELECT 1 FROM project_areas pa WHERE pa."projectId" = p.id AND pa."areaId" IN (:...areaIds))', { areaIds })
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
    const summaries = await this.queries.summaries(rows);
    const links = rows.length
      ? await this.links.find({
          where: { projectId: In(rows.map((r) => r.id)) },
          relations: { proposal: true, liveProposal: true },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    return rows.map((p, i) => ({
      project: summaries[i],
      description: p.description,
      proposals: links
        .filter((l) => l.projectId === p.id)
        .map(linked)
        .filter((l): l is ProjectLinkedProposal => l !== null),
    }));
  }

  // ---------------------------------------------------------------- helpers

  private async findIdea(user: User, id: string): Promise<Project> {
    const project = await this.queries.findInScope(user, id, 'this project idea');
    if (project.state !== ProjectState.Idea)
      throw new DomainError(
        ErrorCode.TransitionNotAllowed,
        `Proposals are grouped into project ideas only; this project is ${PROJECT_STATE_NAMES[project.state]}.`,
      );
    return project;
  }
}

/** The area and every area below it (Stadtbezirk → Aktionsräume → Quartiere). */
export function descendants(all: Array<Pick<Area, 'id' | 'parentId'>>, rootId: string): string[] {
  const out = [rootId];
  for (let i = 0; i < out.length; i++) for (const a of all) if (a.parentId === out[i] && !out.includes(a.id)) out.push(a.id);
  return out;
}
