import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Repository, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ProposalSort, type SupportLimitInfo } from '@app/shared';
import { notFound } from '../../common/errors/domain-error';
import { lockRow } from '../../database/row-lock';
import type { ProposalListQueryDto, SimilarQueryDto } from './dto/proposal.dto';
import { ProposalSupport } from './proposal-support.entity';
import { Proposal } from './proposal.entity';
import { OPEN_STATUSES, searchable } from './proposal-rules';

/** A support limit with the areas it covers (the Aktionsraum and its Quartiere). */
export interface SupportLimit {
  info: SupportLimitInfo;
  areaIds: string[];
}

const SIMILAR_CANDIDATES = 2000;

/**
 * The proposals' SQL in one place: query builders for the public reads and the hand-written
 * statements whose text depends on the dialect (support with its limit, recount). The services
 * above it hold the rules and never write SQL themselves.
 */
@Injectable()
export class ProposalsRepository {
  constructor(@InjectRepository(Proposal) private readonly proposals: Repository<Proposal>) {}

  /** Visible proposals with their field, area and author. */
  publicQuery(): SelectQueryBuilder<Proposal> {
    return this.proposals
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.fieldOfAction', 'f')
      .innerJoinAndSelect('p.area', 'a')
      .leftJoinAndSelect('p.author', 'u')
      .where('p.hiddenAt IS NULL');
  }

  /** A visible proposal with its field, area and author; 404 when it is absent or hidden. */
  async findVisible(id: string): Promise<Proposal> {
    const p = await this.publicQuery().andWhere('p.id = :id', { id }).getOne();
    if (!p) throw notFound('The proposal');
    return p;
  }

  /** The ids of one list page in the requested order, and how many match in all. */
  async listPageIds(
    query: ProposalListQueryDto,
    areaIds: string[] | null,
    page: number,
    pageSize: number,
  ): Promise<{ total: number; ids: string[] }> {
    // Filter on the proposals table alone (the area join only when Quartiere must be included).
    const qb = this.proposals.createQueryBuilder('p').where('p.hiddenAt IS NULL');
    if (areaIds) qb.andWhere('p.areaId IN (:...areaIds)', { areaIds });
    if (query.fieldOfActionId) qb.andWhere('p.fieldOfActionId = :fieldId', { fieldId: query.fieldOfActionId });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.language) qb.andWhere('p.language = :language', { language: query.language });
    for (const [i, word] of searchable(query.q ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 8)
      .entries()) {
      qb.andWhere(`p.searchText LIKE :w${i} ESCAPE '\\'`, { [`w${i}`]: `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    // COUNT(*) on the proposals table alone: TypeORM's getCount() counts DISTINCT ids, which SQLite
    // does with a temporary b-tree over every matching row (6 of the 9 ms of a 10,000-row list).
    const counted = await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: number | string }>();
    const total = Number(counted?.n ?? 0);
    const sort = query.sort ?? ProposalSort.Newest;
    if (sort === ProposalSort.Random) return { total, ids: await this.randomPageIds(qb, query.seed ?? 0, page, pageSize) };
    if (sort === ProposalSort.MostSupported) qb.orderBy('p.supportCount', 'DESC').addOrderBy('p.createdAt', 'DESC');
    else if (sort === ProposalSort.MostDiscussed) qb.orderBy('p.commentCount', 'DESC').addOrderBy('p.createdAt', 'DESC');
    else qb.orderBy('p.createdAt', 'DESC');
    qb.addOrderBy('p.id', 'DESC');
    const raw = await qb
      .select('p.id', 'id')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany<{ id: string }>();
    return { total, ids: raw.map((r) => r.id) };
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

  /** The newest open, visible proposals in the area and field, as candidates for the similarity score. */
  similarCandidates(query: SimilarQueryDto): Promise<Proposal[]> {
    const qb = this.proposals
      .createQueryBuilder('p')
      .select(['p.id', 'p.title', 'p.body', 'p.status', 'p.supportCount'])
      .where('p.hiddenAt IS NULL')
      .andWhere('p.status IN (:...open)', { open: [...OPEN_STATUSES] })
      .orderBy('p.createdAt', 'DESC')
      .limit(SIMILAR_CANDIDATES);
    if (query.areaId) qb.andWhere('p.areaId = :areaId', { areaId: query.areaId });
    if (query.fieldOfActionId) qb.andWhere('p.fieldOfActionId = :fieldId', { fieldId: query.fieldOfActionId });
    return qb.getMany();
  }

  /**
   * Sets the stored count to the number of support rows, inside the caller's transaction. The
   * proposal row is locked first, so the count includes every support committed before.
   */
  async recount(id: string, m: EntityManager): Promise<void> {
    await lockRow(m, Proposal, id);
    await m
      .createQueryBuilder()
      .update(Proposal)
      .set({ supportCount: () => `(SELECT COUNT(*) FROM "proposal_supports" WHERE "proposal_supports"."proposalId" = :id)` })
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Sets the stored comment count to the number of visible comments, inside the caller's transaction.
   * The proposal row is locked first, so the count includes every comment committed before it.
   */
  async recountComments(id: string, m: EntityManager): Promise<void> {
    await lockRow(m, Proposal, id);
    await m
      .getRepository(Proposal)
      .createQueryBuilder()
      .update(Proposal)
      .set({
        commentCount: () => `(SELECT COUNT(*) FROM "comments" WHERE "comments"."proposalId" = :id AND "comments"."hiddenAt" IS NULL)`,
      })
      .where('id = :id', { id })
      .execute();
  }

  /** SQL counting the person's supports of open, visible proposals within the limit's areas. */
  private usedSupportsSql(limit: SupportLimit, param: (value: unknown) => string): string {
    return (
      `SELECT COUNT(*) FROM "proposal_supports" s INNER JOIN "proposals" p ON p."id" = s."proposalId" ` +
      `WHERE s."userId" = ${param('user')} AND p."hiddenAt" IS NULL AND p."status" IN (${[...OPEN_STATUSES].map((st) => param(st)).join(', ')}) ` +
      `AND p."areaId" IN (${limit.areaIds.map((a) => param(a)).join(', ')})`
    );
  }

  /** How many supports the person gives within the limit's areas. */
  async usedSupports(userId: string, limit: SupportLimit): Promise<number> {
    const params: unknown[] = [];
    const pg = this.isPostgres();
    const sql = this.usedSupportsSql(limit, (v) => {
      params.push(v === 'user' ? userId : v);
      return pg ? `$${params.length}` : '?';
    });
    const [row] = await this.proposals.query<{ count: string | number }[]>(sql.replace('COUNT(*)', 'COUNT(*) AS "count"'), params);
    return Number(row.count);
  }

  /**
   * One support per person and proposal: the primary key refuses a second. The count moves by
   * exactly the rows really inserted, with an atomic "+1" update, so it stays equal to the number of
   * rows under any concurrency, on SQLite and PostgreSQL alike. Returns the rows inserted (0 or 1).
   *
   * With a support limit the insert carries the limit as its condition, in one statement. SQLite
   * runs one unit of work at a time, so that is enough there; on PostgreSQL the person's user
   * row is locked first, so that two parallel supports cannot both see the last free place.
   */
  insertSupport(proposalId: string, userId: string, limit: SupportLimit | null): Promise<number> {
    const pg = this.isPostgres();
    const params: unknown[] = [proposalId, userId];
    const param = (v: unknown) => {
      params.push(v === 'user' ? userId : v);
      return pg ? `$${params.length}` : '?';
    };
    const values = pg ? '$1, $2' : '?, ?';
    let sql = limit
      ? `INSERT INTO "proposal_supports" ("proposalId", "userId") SELECT ${values} WHERE (${this.usedSupportsSql(limit, param)}) < ${param(limit.info.limit)}`
      : `INSERT INTO "proposal_supports" ("proposalId", "userId") VALUES (${values})`;
    sql = pg ? `${sql} ON CONFLICT DO NOTHING` : sql.replace('INSERT INTO', 'INSERT OR IGNORE INTO');
    // The row and the count change in one transaction, so a crash can never leave them apart.
    return this.proposals.manager.transaction(async (m) => {
      if (limit && pg) await m.query('SELECT "id" FROM "users" WHERE "id" = $1 FOR UPDATE', [userId]);
      const affected = ((await m.queryRunner!.query(sql, params, true)) as { affected?: number }).affected ?? 0;
      if (affected) await m.increment(Proposal, { id: proposalId }, 'supportCount', affected);
      return affected;
    });
  }

  /** Removes the person's support and moves the count by the rows really deleted (0 or 1). */
  deleteSupport(proposalId: string, userId: string): Promise<number> {
    return this.proposals.manager.transaction(async (m) => {
      const affected = (await m.delete(ProposalSupport, { proposalId, userId })).affected ?? 0;
      if (affected) await m.decrement(Proposal, { id: proposalId }, 'supportCount', affected);
      return affected;
    });
  }

  private isPostgres(): boolean {
    return this.proposals.manager.connection.options.type === 'postgres';
  }
}
