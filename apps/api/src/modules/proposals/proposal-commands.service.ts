import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager, type FindOperator } from 'typeorm';
import { AreaType, ErrorCode, ProposalStatus, type ProposalDetail, type ProposalStatusNote } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { Area } from '../areas/area.entity';
import { FieldOfAction } from '../fields-of-action/field-of-action.entity';
import { moderatesArea } from '../users/moderator-scope';
import type { User } from '../users/user.entity';
import type { CreateProposalDto, CreateProposalOnBehalfDto, UpdateProposalDto } from './dto/proposal.dto';
import { ProposalListCache } from './proposal-list-cache';
import { ProposalQueriesService } from './proposal-queries.service';
import { OPEN_STATUSES, searchable } from './proposal-rules';
import { ProposalStatusEventEntity } from './proposal-status-event.entity';
import { ProposalSupport } from './proposal-support.entity';
import { Proposal } from './proposal.entity';
import { ProposalsRepository } from './proposals.repository';

const today = () => new Date().toISOString().slice(0, 10);

/** A proposal's life: submitted (by its author or on their behalf), edited, withdrawn, its steps recorded. */
@Injectable()
export class ProposalCommandsService {
  constructor(
    @InjectRepository(Proposal) private readonly proposals: Repository<Proposal>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    @InjectRepository(FieldOfAction) private readonly fields: Repository<FieldOfAction>,
    private readonly repository: ProposalsRepository,
    private readonly queries: ProposalQueriesService,
    private readonly listCache: ProposalListCache,
  ) {}

  /** Checks the field of action and the area a proposal refers to. */
  private async checkReferences(fieldOfActionId?: string, areaId?: string): Promise<Area | null> {
    if (fieldOfActionId && !(await this.fields.existsBy({ id: fieldOfActionId, active: true }))) {
      throw new DomainError(ErrorCode.ReferenceInvalid, 'Please choose one of the current fields of action.', [
        { field: 'fieldOfActionId', messages: ['unknown or inactive field of action'] },
      ]);
    }
    if (!areaId) return null;
    const area = await this.areas.findOneBy({ id: areaId });
    const current = area && area.validFrom <= today() && (area.validTo === null || area.validTo >= today());
    if (!area || !current || area.type === AreaType.District) {
      throw new DomainError(ErrorCode.ReferenceInvalid, 'Please choose a current Aktionsraum or Quartier.', [
        { field: 'areaId', messages: ['must be a current Aktionsraum or Quartier'] },
      ]);
    }
    return area;
  }

  private async insert(dto: CreateProposalDto, values: Partial<Proposal>, actor: User): Promise<ProposalDetail> {
    const saved = await this.proposals.manager.transaction(async (m) => {
      const row = await m.save(
        m.create(Proposal, {
          title: dto.title,
          body: dto.body,
          searchText: searchable(`${dto.title}\n${dto.body}`),
          fieldOfActionId: dto.fieldOfActionId,
          areaId: dto.areaId,
          language: dto.language ?? actor.language,
          latitude: dto.latitude ?? null,
          longitude: dto.longitude ?? null,
          address: dto.address ?? null,
          status: ProposalStatus.Submitted,
          ...values,
        }),
      );
      await m.insert(ProposalStatusEventEntity, {
        proposalId: row.id,
        status: ProposalStatus.Submitted,
        actorId: actor.id,
        actorRole: actor.role,
        explanation: values.sourceNote ?? null,
      });
      return row;
    });
    this.listCache.invalidate();
    return this.queries.get(saved.id, actor);
  }

  async create(user: User, dto: CreateProposalDto): Promise<ProposalDetail> {
    await this.checkReferences(dto.fieldOfActionId, dto.areaId);
    return this.insert(dto, { authorId: user.id, submittedById: user.id }, user);
  }

  /** Paper cards and oral input from an assembly, typed in by a moderator of that area. */
  async createOnBehalf(moderator: User, dto: CreateProposalOnBehalfDto): Promise<ProposalDetail> {
    const area = await this.checkReferences(dto.fieldOfActionId, dto.areaId);
    if (!moderatesArea(moderator, area!))
      throw new DomainError(ErrorCode.Forbidden, 'You moderate other areas; this area is not in your scope.');
    return this.insert(dto, { authorId: null, submittedById: moderator.id, sourceNote: dto.sourceNote }, moderator);
  }

  private async findOwn(user: User, id: string): Promise<Proposal> {
    const p = await this.repository.findVisible(id);
    if (p.authorId !== user.id) throw new DomainError(ErrorCode.Forbidden, 'Only the author can do this.');
    return p;
  }

  async update(user: User, id: string, dto: UpdateProposalDto): Promise<ProposalDetail> {
    const p = await this.findOwn(user, id);
    const problem = this.queries.editProblem(p);
    if (problem) throw new DomainError(ErrorCode.ProposalNotEditable, problem);
    await this.checkReferences(dto.fieldOfActionId, dto.areaId);
    const changes: Partial<Proposal> = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
    changes.searchText = searchable(`${changes.title ?? p.title}\n${changes.body ?? p.body}`);
    // The condition repeats the rule in the database, so a support arriving meanwhile wins.
    const result = await this.proposals.update(
      { id, status: ProposalStatus.Submitted, supportCount: 0 },
      { ...changes, editedAt: new Date() },
    );
    if (!result.affected)
      throw new DomainError(ErrorCode.ProposalNotEditable, 'This proposal changed meanwhile and can no longer be edited.');
    this.listCache.invalidate();
    return this.queries.get(id, user);
  }

  async withdraw(user: User, id: string, reason?: string): Promise<ProposalDetail> {
    const p = await this.findOwn(user, id);
    if (!OPEN_STATUSES.has(p.status)) throw new DomainError(ErrorCode.ProposalClosed, 'This proposal can no longer be withdrawn.');
    await this.proposals.manager.transaction(async (m) => {
      const result = await m.update(Proposal, { id, status: In([...OPEN_STATUSES]) }, { status: ProposalStatus.Withdrawn });
      if (!result.affected) throw new DomainError(ErrorCode.ProposalClosed, 'This proposal can no longer be withdrawn.');
      await this.recordStatus(id, ProposalStatus.Withdrawn, user, reason ?? null, m);
    });
    return this.queries.get(id, user);
  }

  /**
   * Appends a step to a proposal's public history, in the transaction of the change it records:
   * `explanation` in a person's own words, or a `note` the platform makes (shown translated).
   */
  async recordStatus(
    proposalId: string,
    status: ProposalStatus,
    actor: User,
    explanation: string | null,
    m: EntityManager,
    note: ProposalStatusNote | null = null,
  ): Promise<void> {
    await m.insert(ProposalStatusEventEntity, {
      proposalId,
      status,
      explanation,
      note: note?.kind ?? null,
      noteTitle: note?.title ?? null,
      actorId: actor.id,
      actorRole: actor.role,
    });
    this.listCache.invalidate();
  }

  /**
   * Moves the proposal to `to` if its status still matches `from`, in the caller's transaction (the
   * condition repeats the caller's rule in the database, so of two decisions at the same moment one
   * wins). False when the proposal changed meanwhile. The caller records the step with recordStatus.
   */
  async moveStatus(
    m: EntityManager,
    id: string,
    from: ProposalStatus | FindOperator<ProposalStatus>,
    to: ProposalStatus,
    mergedIntoId?: string,
  ): Promise<boolean> {
    const result = await m.update(Proposal, { id, status: from }, mergedIntoId ? { status: to, mergedIntoId } : { status: to });
    return Boolean(result.affected);
  }

  /**
   * Moves the supports of a merged duplicate to the proposal it was merged into, in the caller's
   * transaction: people who supported both count once (primary key), the target's author cannot
   * support their own proposal; both stored counts are recounted afterwards.
   */
  async moveSupports(m: EntityManager, id: string, intoId: string, intoAuthorId: string | null): Promise<void> {
    const rows = await m.find(ProposalSupport, { where: { proposalId: id }, select: ['userId', 'createdAt'] });
    const values = rows
      .filter((r) => r.userId !== intoAuthorId)
      .map((r) => ({ proposalId: intoId, userId: r.userId, createdAt: r.createdAt }));
    for (let i = 0; i < values.length; i += 500) {
      await m
        .createQueryBuilder()
        .insert()
        .into(ProposalSupport)
        .values(values.slice(i, i + 500))
        .orIgnore()
        .execute();
    }
    await m.delete(ProposalSupport, { proposalId: id });
    await this.recount(id, m);
    await this.recount(intoId, m);
  }

  /** Hides (hiddenAt set) or restores (null) the proposal, in the caller's transaction; moderation decides. */
  async setHidden(m: EntityManager, id: string, hiddenAt: Date | null, hiddenReason: string | null): Promise<void> {
    await m.update(Proposal, { id }, { hiddenAt, hiddenReason });
  }

  /** One more comment on the proposal, in the transaction that inserts it. */
  async countComment(m: EntityManager, id: string): Promise<void> {
    await m.increment(Proposal, { id }, 'commentCount', 1);
  }

  /** Sets the stored comment count to the number of visible comments, in the caller's transaction. */
  async recountComments(id: string, m: EntityManager): Promise<void> {
    await this.repository.recountComments(id, m);
    this.listCache.invalidate();
  }

  /** Sets the stored support count to the number of support rows (after merges), in the caller's transaction. */
  async recount(id: string, m: EntityManager): Promise<void> {
    await this.repository.recount(id, m);
    this.listCache.invalidate();
  }
}
