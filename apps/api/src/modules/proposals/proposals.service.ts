import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { In, Repository, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import {
  AreaType,
  ErrorCode,
  ProposalSort,
  ProposalStatus,
  Role,
  type Page,
  type ProposalAttachment,
  type ProposalDetail,
  type ProposalSummary,
  type SimilarProposal,
  type SupportLimitInfo,
  type SupportResponse,
} from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { lockRow } from '../../database/row-lock';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Area } from '../areas/area.entity';
import { FieldOfAction } from '../fields-of-action/field-of-action.entity';
import type { User } from '../users/user.entity';
import type {
  CreateProposalDto,
  CreateProposalOnBehalfDto,
  ProposalListQueryDto,
  SimilarQueryDto,
  UpdateProposalDto,
} from './dto/proposal.dto';
import { ProposalStatusEventEntity } from './proposal-status-event.entity';
import { ProposalSupport } from './proposal-support.entity';
import { Proposal } from './proposal.entity';
import { toDetail, toSummary } from './proposal.mapper';
import { ListCache } from './list-cache';
import { ProposalAttachmentEntity } from './attachments/attachment.entity';
import { ProjectProposal } from '../projects/project.entities';
import { toAttachment } from './attachments/attachment.mapper';
import { diceSimilarity, trigrams } from './similarity';

/** Statuses in which a proposal still collects supports. */
const OPEN = new Set([ProposalStatus.Submitted, ProposalStatus.Evaluating]);
const SIMILAR_MIN_SCORE = 0.3;

/** A list page serialized once, with the ETag browsers revalidate against. */
export interface SerializedPage {
  body: string;
  etag: string;
}
const SIMILAR_CANDIDATES = 2000;

/** A support limit with the areas it covers (the Aktionsraum and its Quartiere). */
export interface SupportLimit {
  info: SupportLimitInfo;
  areaIds: string[];
}
const today = () => new Date().toISOString().slice(0, 10);
/** Lower case by JavaScript's Unicode rules (Ü → ü), the same for stored text and search words. */
export const searchable = (text: string) => text.toLocaleLowerCase('de-DE');

@Injectable()
export class ProposalsService {
  constructor(
    @InjectRepository(Proposal) private readonly proposals: Repository<Proposal>,
    @InjectRepository(ProposalSupport) private readonly supports: Repository<ProposalSupport>,
    @InjectRepository(ProposalStatusEventEntity) private readonly events: Repository<ProposalStatusEventEntity>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    @InjectRepository(FieldOfAction) private readonly fields: Repository<FieldOfAction>,
    @InjectRepository(ProposalAttachmentEntity) private readonly attachmentRows: Repository<ProposalAttachmentEntity>,
    @InjectRepository(ProjectProposal) private readonly projectLinks: Repository<ProjectProposal>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private readonly listCache = new ListCache<SerializedPage>(2000);

  private publicQuery(): SelectQueryBuilder<Proposal> {
    return this.proposals
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.fieldOfAction', 'f')
      .innerJoinAndSelect('p.area', 'a')
      .leftJoinAndSelect('p.author', 'u')
      .where('p.hiddenAt IS NULL');
  }

  /**
   * The public list as ready-to-send JSON with its ETag. Cached briefly (see ListCache) because
   * every visitor starts here: a cache hit costs neither a query nor a serialization.
   */
  /**
   * A page cached under the exact request URL, or undefined. Only URLs whose query passed validation
   * are ever stored (see listJson), so a hit may skip the query DTO's validation and conversion.
   */
  cachedListByUrl(url: string): SerializedPage | undefined {
    return this.listCache.peek(`url:${url}`);
  }

  async listJson(query: ProposalListQueryDto, url?: string): Promise<SerializedPage> {
    const version = this.listCache.currentVersion;
    const page = await this.listPage(query);
    if (url) this.listCache.alias(`url:${url}`, page, version);
    return page;
  }

  private listPage(query: ProposalListQueryDto): Promise<SerializedPage> {
    const key = JSON.stringify([
      query.areaId,
      query.fieldOfActionId,
      query.status,
      query.q,
      query.sort,
      query.seed,
      query.page,
      query.pageSize,
    ]);
    return this.listCache.get(key, async () => {
      const body = JSON.stringify(await this.loadList(query));
      return { body, etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` };
    });
  }

  private async loadList(query: ProposalListQueryDto): Promise<Page<ProposalSummary>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    // Filter on the proposals table alone (the area join only when Quartiere must be included).
    const qb = this.proposals.createQueryBuilder('p').where('p.hiddenAt IS NULL');
    if (query.areaId) qb.andWhere('p.areaId IN (:...areaIds)', { areaIds: await this.areaSubtree(query.areaId) });
    if (query.fieldOfActionId) qb.andWhere('p.fieldOfActionId = :fieldId', { fieldId: query.fieldOfActionId });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    for (const [i, word] of searchable(query.q ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 8)
      .entries()) {
      qb.andWhere(`p.searchText LIKE :w${i} ESCAPE '\\'`, { [`w${i}`]: `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    const total = await qb.clone().getCount();
    const sort = query.sort ?? ProposalSort.Newest;
    let ids: string[];
    if (sort === ProposalSort.Random) {
      ids = await this.randomPageIds(qb, query.seed ?? 0, page, pageSize);
    } else {
      if (sort === ProposalSort.MostSupported) qb.orderBy('p.supportCount', 'DESC').addOrderBy('p.createdAt', 'DESC');
      else if (sort === ProposalSort.MostDiscussed) qb.orderBy('p.commentCount', 'DESC').addOrderBy('p.createdAt', 'DESC');
      else qb.orderBy('p.createdAt', 'DESC');
      qb.addOrderBy('p.id', 'DESC');
      const raw = await qb
        .select('p.id', 'id')
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .getRawMany<{ id: string }>();
      ids = raw.map((r) => r.id);
    }
    return { items: await this.summaries(ids), total, page, pageSize };
  }

  /** The area and everything below it: a Stadtbezirk's Aktionsräume and their Quartiere. */
  private async areaSubtree(areaId: string): Promise<string[]> {
    const ids = [areaId];
    for (let level = ids; level.length && ids.length < 1000;) {
      level = (await this.areas.find({ where: { parentId: In(level) }, select: ['id'] })).map((a) => a.id);
      ids.push(...level);
    }
    return ids;
  }

  /** The page's rows with their field, area and author, in the given order. */
  private async summaries(ids: string[]): Promise<ProposalSummary[]> {
    if (!ids.length) return [];
    const rows = await this.publicQuery().andWhere('p.id IN (:...ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => (byId.has(id) ? [toSummary(byId.get(id)!)] : []));
  }

  /** A shuffled order that is the same for the same seed, so paging and shared links stay stable. */
  private async randomPageIds(qb: SelectQueryBuilder<Proposal>, seed: number, page: number, pageSize: number): Promise<string[]> {
    const ids = (await qb.clone().select('p.id', 'id').getRawMany<{ id: string }>()).map((r) => r.id);
    const key = (id: string) => createHash('sha1').update(`${seed}:${id}`).digest('hex');
    return ids
      .map((id) => ({ id, k: key(id) }))
      .sort((x, y) => (x.k < y.k ? -1 : 1))
      .slice((page - 1) * pageSize, page * pageSize)
      .map((x) => x.id);
  }

  /** Open proposals whose title and text resemble what is being typed, best first. */
  async similar(query: SimilarQueryDto): Promise<SimilarProposal[]> {
    const qb = this.proposals
      .createQueryBuilder('p')
      .select(['p.id', 'p.title', 'p.body', 'p.status', 'p.supportCount'])
      .where('p.hiddenAt IS NULL')
      .andWhere('p.status IN (:...open)', { open: [...OPEN] })
      .orderBy('p.createdAt', 'DESC')
      .limit(SIMILAR_CANDIDATES);
    if (query.areaId) qb.andWhere('p.areaId = :areaId', { areaId: query.areaId });
    if (query.fieldOfActionId) qb.andWhere('p.fieldOfActionId = :fieldId', { fieldId: query.fieldOfActionId });
    const wanted = trigrams(query.text);
    return (await qb.getMany())
      .map((p) => ({ p, score: diceSimilarity(wanted, trigrams(`${p.title} ${p.body.slice(0, 200)}`)) }))
      .map(({ p, score }) => ({ p, score: Math.max(score, diceSimilarity(wanted, trigrams(p.title))) }))
      .filter((x) => x.score >= SIMILAR_MIN_SCORE)
      .sort((x, y) => y.score - x.score)
      .slice(0, 5)
      .map(({ p, score }) => ({
        id: p.id,
        title: p.title,
        status: p.status,
        supportCount: p.supportCount,
        score: Math.round(score * 100) / 100,
      }));
  }

  private async find(id: string): Promise<Proposal> {
    const p = await this.publicQuery().andWhere('p.id = :id', { id }).getOne();
    if (!p) throw notFound('The proposal');
    return p;
  }

  async get(id: string, viewer?: User): Promise<ProposalDetail> {
    const p = await this.find(id);
    const [history, supported, mergedInto, attachments, limit, project] = await Promise.all([
      this.events.find({ where: { proposalId: id }, order: { createdAt: 'ASC' } }),
      viewer ? this.supports.exists({ where: { proposalId: id, userId: viewer.id } }) : Promise.resolve(false),
      p.mergedIntoId ? this.proposals.findOne({ where: { id: p.mergedIntoId }, select: ['id', 'title'] }) : Promise.resolve(null),
      this.attachmentsOf(id),
      this.supportLimitFor(p.area),
      this.projectOf(id),
    ]);
    const isAuthor = Boolean(viewer && p.authorId === viewer.id);
    const editable = this.editProblem(p) === null;
    return toDetail(
      p,
      history,
      mergedInto ? { id: mergedInto.id, title: mergedInto.title } : null,
      {
        isAuthor,
        supported,
        canEdit: isAuthor && editable,
        canWithdraw: isAuthor && OPEN.has(p.status),
        canSupport: Boolean(viewer) && !isAuthor && OPEN.has(p.status),
        canAttach: Boolean(viewer) && ((isAuthor && editable) || this.moderates(viewer!, p.area)),
        supportsLeft: viewer && limit ? await this.supportsLeft(viewer.id, limit) : null,
      },
      { attachments, supportLimit: limit?.info ?? null, project },
    );
  }

  /** The project (idea) the proposal was grouped into, if any. */
  async projectOf(proposalId: string): Promise<ProposalDetail['project']> {
    const link = await this.projectLinks.findOne({ where: { proposalId }, relations: { project: true } });
    return link ? { id: link.project.id, title: link.project.title, state: link.project.state } : null;
  }

  /** A proposal's attachments in upload order. */
  async attachmentsOf(proposalId: string): Promise<ProposalAttachment[]> {
    return (await this.attachmentRows.find({ where: { proposalId }, order: { createdAt: 'ASC', id: 'ASC' } })).map(toAttachment);
  }

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

  /** Administrators and unscoped moderators act everywhere; scoped ones in their areas and their Quartiere. */
  moderates(user: User, area: Pick<Area, 'id' | 'parentId'>): boolean {
    if (user.role === Role.Administrator) return true;
    if (user.role !== Role.Moderator) return false;
    const scope = (user.moderatorAreas ?? []).map((a) => a.id);
    return scope.length === 0 || scope.includes(area.id) || (area.parentId !== null && scope.includes(area.parentId));
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
    return this.get(saved.id, actor);
  }

  async create(user: User, dto: CreateProposalDto): Promise<ProposalDetail> {
    await this.checkReferences(dto.fieldOfActionId, dto.areaId);
    return this.insert(dto, { authorId: user.id, submittedById: user.id }, user);
  }

  /** Paper cards and oral input from an assembly, typed in by a moderator of that area. */
  async createOnBehalf(moderator: User, dto: CreateProposalOnBehalfDto): Promise<ProposalDetail> {
    const area = await this.checkReferences(dto.fieldOfActionId, dto.areaId);
    if (!this.moderates(moderator, area!))
      throw new DomainError(ErrorCode.Forbidden, 'You moderate other areas; this area is not in your scope.');
    return this.insert(dto, { authorId: null, submittedById: moderator.id, sourceNote: dto.sourceNote }, moderator);
  }

  /** Why the author may not edit now, or null when they may. */
  editProblem(p: Proposal): string | null {
    if (p.status !== ProposalStatus.Submitted) return 'Only proposals that have not been answered, withdrawn or merged can be edited.';
    if (p.supportCount > 0)
      return 'This proposal already has supporters; it can no longer be edited, so that nobody supports something other than what they read.';
    if (Date.now() - p.createdAt.getTime() > this.config.proposalEditWindowMs) return 'The time for editing this proposal has passed.';
    return null;
  }

  private async findOwn(user: User, id: string): Promise<Proposal> {
    const p = await this.find(id);
    if (p.authorId !== user.id) throw new DomainError(ErrorCode.Forbidden, 'Only the author can do this.');
    return p;
  }

  async update(user: User, id: string, dto: UpdateProposalDto): Promise<ProposalDetail> {
    const p = await this.findOwn(user, id);
    const problem = this.editProblem(p);
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
    return this.get(id, user);
  }

  async withdraw(user: User, id: string, reason?: string): Promise<ProposalDetail> {
    const p = await this.findOwn(user, id);
    if (!OPEN.has(p.status)) throw new DomainError(ErrorCode.ProposalClosed, 'This proposal can no longer be withdrawn.');
    await this.proposals.manager.transaction(async (m) => {
      const result = await m.update(Proposal, { id, status: In([...OPEN]) }, { status: ProposalStatus.Withdrawn });
      if (!result.affected) throw new DomainError(ErrorCode.ProposalClosed, 'This proposal can no longer be withdrawn.');
      await this.recordStatus(id, ProposalStatus.Withdrawn, user, reason ?? null, m);
    });
    return this.get(id, user);
  }

  /** For other features that change what the public list shows (moderation, answers, merges). */
  invalidateList(): void {
    this.listCache.invalidate();
  }

  /** Appends a step to a proposal's public history, in the transaction of the change it records. */
  async recordStatus(proposalId: string, status: ProposalStatus, actor: User, explanation: string | null, m: EntityManager): Promise<void> {
    await m.insert(ProposalStatusEventEntity, { proposalId, status, explanation, actorId: actor.id, actorRole: actor.role });
    this.listCache.invalidate();
  }

  /** The proposal with its area (also hidden ones), for features that act on it; 404 if absent. */
  async findForAction(id: string): Promise<Proposal> {
    const p = await this.proposals.findOne({ where: { id }, relations: { area: true } });
    if (!p) throw notFound('The proposal');
    return p;
  }

  /**
   * Sets the stored count to the number of support rows (used after merges), inside the caller's
   * transaction. The proposal row is locked first, so the count includes every support committed before.
   */
  async recount(id: string, m: EntityManager): Promise<void> {
    await lockRow(m, Proposal, id);
    await m
      .createQueryBuilder()
      .update(Proposal)
      .set({ supportCount: () => `(SELECT COUNT(*) FROM "proposal_supports" WHERE "proposal_supports"."proposalId" = :id)` })
      .where('id = :id', { id })
      .execute();
    this.listCache.invalidate();
  }

  /**
   * The support limit that applies to proposals in this area: the one of its Aktionsraum (a
   * Quartier's parent), covering the Aktionsraum and all its Quartiere; null without a limit.
   */
  async supportLimitFor(area: Pick<Area, 'id' | 'type' | 'parentId' | 'name' | 'supportLimit'>): Promise<SupportLimit | null> {
    const actionArea = area.type === AreaType.ActionArea ? area : area.parentId ? await this.areas.findOneBy({ id: area.parentId }) : null;
    if (!actionArea?.supportLimit) return null;
    const children = await this.areas.find({ where: { parentId: actionArea.id }, select: ['id'] });
    return {
      info: { areaId: actionArea.id, areaName: actionArea.name, limit: actionArea.supportLimit },
      areaIds: [actionArea.id, ...children.map((c) => c.id)],
    };
  }

  /** SQL counting the person's supports of open, visible proposals within the limit's areas. */
  private usedSupportsSql(limit: SupportLimit, param: (value: unknown) => string): string {
    return (
      `SELECT COUNT(*) FROM "proposal_supports" s INNER JOIN "proposals" p ON p."id" = s."proposalId" ` +
      `WHERE s."userId" = ${param('user')} AND p."hiddenAt" IS NULL AND p."status" IN (${[...OPEN].map((st) => param(st)).join(', ')}) ` +
      `AND p."areaId" IN (${limit.areaIds.map((a) => param(a)).join(', ')})`
    );
  }

  /** How many supports the person has left under the limit. */
  async supportsLeft(userId: string, limit: SupportLimit): Promise<number> {
    const params: unknown[] = [];
    const pg = this.isPostgres();
    const sql = this.usedSupportsSql(limit, (v) => {
      params.push(v === 'user' ? userId : v);
      return pg ? `$${params.length}` : '?';
    });
    const [row] = await this.proposals.query<{ count: string | number }[]>(sql.replace('COUNT(*)', 'COUNT(*) AS "count"'), params);
    return Math.max(0, limit.info.limit - Number(row.count));
  }

  private isPostgres(): boolean {
    return this.proposals.manager.connection.options.type === 'postgres';
  }

  /**
   * One support per person and proposal: the primary key refuses a second. The count moves by
   * exactly the rows really inserted or deleted, with atomic "+1"/"−1" updates, so it stays equal to
   * the number of rows under any concurrency, on SQLite and PostgreSQL alike.
   *
   * With a support limit the insert carries the limit as its condition, in one statement. SQLite
   * runs one unit of work at a time, so that is enough there; on PostgreSQL the person's user
   * row is locked first, so that two parallel supports cannot both see the last free place.
   */
  async support(user: User, id: string): Promise<SupportResponse> {
    const p = await this.find(id);
    if (p.authorId === user.id)
      throw new DomainError(ErrorCode.Conflict, 'You cannot support your own proposal; it counts as yours already.');
    if (!OPEN.has(p.status)) throw new DomainError(ErrorCode.ProposalClosed, 'This proposal no longer collects supports.');
    const limit = await this.supportLimitFor(p.area);
    const pg = this.isPostgres();
    const params: unknown[] = [id, user.id];
    const param = (v: unknown) => {
      params.push(v === 'user' ? user.id : v);
      return pg ? `$${params.length}` : '?';
    };
    const values = pg ? '$1, $2' : '?, ?';
    let sql = limit
      ? `INSERT INTO "proposal_supports" ("proposalId", "userId") SELECT ${values} WHERE (${this.usedSupportsSql(limit, param)}) < ${param(limit.info.limit)}`
      : `INSERT INTO "proposal_supports" ("proposalId", "userId") VALUES (${values})`;
    sql = pg ? `${sql} ON CONFLICT DO NOTHING` : sql.replace('INSERT INTO', 'INSERT OR IGNORE INTO');
    // The row and the count change in one transaction, so a crash can never leave them apart.
    const inserted = await this.proposals.manager.transaction(async (m) => {
      if (limit && pg) await m.query('SELECT "id" FROM "users" WHERE "id" = $1 FOR UPDATE', [user.id]);
      const affected = ((await m.queryRunner!.query(sql, params, true)) as { affected?: number }).affected ?? 0;
      if (affected) await m.increment(Proposal, { id }, 'supportCount', affected);
      return affected;
    });
    if (inserted) this.listCache.invalidate();
    else if (limit && !(await this.supports.existsBy({ proposalId: id, userId: user.id }))) {
      throw new DomainError(
        ErrorCode.SupportLimitReached,
        `You support ${limit.info.limit} open proposals in ${limit.info.areaName} already, the most one person can support there at once. Withdraw one of your supports to support this proposal.`,
        [{ field: 'supportLimit', messages: [`limit ${limit.info.limit} reached in ${limit.info.areaName}`] }],
      );
    }
    // Answer with the rows themselves: another request's "+1" may still be on its way.
    return {
      supported: true,
      supportCount: await this.supports.countBy({ proposalId: id }),
      supportsLeft: limit ? await this.supportsLeft(user.id, limit) : null,
    };
  }

  async unsupport(user: User, id: string): Promise<SupportResponse> {
    const p = await this.find(id);
    const deleted = await this.proposals.manager.transaction(async (m) => {
      const affected = (await m.delete(ProposalSupport, { proposalId: id, userId: user.id })).affected ?? 0;
      if (affected) await m.decrement(Proposal, { id }, 'supportCount', affected);
      return affected;
    });
    if (deleted) this.listCache.invalidate();
    const limit = await this.supportLimitFor(p.area);
    return {
      supported: false,
      supportCount: await this.supports.countBy({ proposalId: id }),
      supportsLeft: limit ? await this.supportsLeft(user.id, limit) : null,
    };
  }

  async mine(user: User): Promise<ProposalSummary[]> {
    const rows = await this.publicQuery().andWhere('p.authorId = :uid', { uid: user.id }).orderBy('p.createdAt', 'DESC').getMany();
    return rows.map(toSummary);
  }

  /** Everything of the person's participation, for the DSGVO export. */
  async exportFor(
    userId: string,
  ): Promise<{ proposals: Proposal[]; supports: ProposalSupport[]; attachments: (ProposalAttachment & { proposalId: string })[] }> {
    const [proposals, supports, attachments] = await Promise.all([
      this.proposals.find({ where: { authorId: userId }, order: { createdAt: 'ASC' } }),
      this.supports.find({ where: { userId }, order: { createdAt: 'ASC' } }),
      this.attachmentRows.find({ where: { uploadedById: userId }, order: { createdAt: 'ASC' } }),
    ]);
    return { proposals, supports, attachments: attachments.map((a) => ({ ...toAttachment(a), proposalId: a.proposalId })) };
  }
}
