import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import { ReportStatus, ReportTargetType, type Page, type ReportResponse } from '@app/shared';
import { notFound } from '../../common/errors/domain-error';
import { Comment } from '../comments/comment.entity';
import { CommentsService } from '../comments/comments.service';
import { Proposal } from '../proposals/proposal.entity';
import { moderatesArea } from '../users/moderator-scope';
import type { User } from '../users/user.entity';
import type { CreateReportDto, OwnReportDto, ReportQueryDto } from './dto/moderation.dto';
import { OPEN_KEY, Report } from './report.entity';

const EXCERPT_MAX = 1000;

interface TargetGroup {
  targetType: ReportTargetType;
  targetId: string;
  proposalId: string;
  areaId: string;
  parentId: string | null;
  reportCount: number;
  lastAt: string;
}

/** Timestamps from raw rows: a Date from PostgreSQL, "YYYY-MM-DD HH:MM:SS.SSS" (UTC) text from SQLite. */
const sortable = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v).replace(' ', 'T'));

@Injectable()
export class ReportsService {
  constructor(
    @InjectRepository(Report) private readonly reports: Repository<Report>,
    @InjectRepository(Proposal) private readonly proposalRows: Repository<Proposal>,
    private readonly comments: CommentsService,
  ) {}

  /** The proposal a publicly visible target belongs to; hidden or unknown targets are 404 alike. */
  private async targetProposalId(type: ReportTargetType, id: string): Promise<string> {
    if (type === ReportTargetType.Proposal) {
      if (!(await this.proposalRows.existsBy({ id, hiddenAt: IsNull() }))) throw notFound('The proposal');
      return id;
    }
    const [c] = await this.comments.byIds([id]);
    if (!c || c.hiddenAt !== null || !(await this.proposalRows.existsBy({ id: c.proposalId, hiddenAt: IsNull() })))
      throw notFound('The comment');
    return c.proposalId;
  }

  /**
   * One open report per person and target: the unique index refuses a second, so a repeat
   * returns the report already waiting (created: false) instead of adding one.
   */
  async create(user: User, dto: CreateReportDto): Promise<{ report: OwnReportDto; created: boolean }> {
    const proposalId = await this.targetProposalId(dto.targetType, dto.targetId);
    const id = randomUUID();
    await this.reports
      .createQueryBuilder()
      .insert()
      .into(Report)
      .values({
        id,
        targetType: dto.targetType,
        targetId: dto.targetId,
        proposalId,
        reporterId: user.id,
        reason: dto.reason,
        status: ReportStatus.Open,
        openKey: OPEN_KEY,
      })
      .orIgnore()
      .execute();
    const report = await this.reports.findOneOrFail({
      where: { reporterId: user.id, targetType: dto.targetType, targetId: dto.targetId, openKey: OPEN_KEY },
    });
    return {
      created: report.id === id,
      report: {
        id: report.id,
        targetType: report.targetType,
        targetId: report.targetId,
        reason: report.reason,
        status: report.status,
        createdAt: report.createdAt.toISOString(),
      },
    };
  }

  /** Reports grouped per target, newest activity first, limited to the areas the user moderates. */
  async queue(user: User, query: ReportQueryDto): Promise<Page<ReportResponse>> {
    const status = query.status ?? ReportStatus.Open;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const raw = await this.reports
      .createQueryBuilder('r')
      .innerJoin('r.proposal', 'p')
      .innerJoin('p.area', 'a')
      .select('r.targetType', 'targetType')
      .addSelect('r.targetId', 'targetId')
      .addSelect('r.proposalId', 'proposalId')
      .addSelect('a.id', 'areaId')
      .addSelect('a.parentId', 'parentId')
      .addSelect('COUNT(*)', 'reportCount')
      .addSelect('MAX(r.createdAt)', 'lastAt')
      .where('r.status = :status', { status })
      .groupBy('r.targetType')
      .addGroupBy('r.targetId')
      .addGroupBy('r.proposalId')
      .addGroupBy('a.id')
      .addGroupBy('a.parentId')
      .getRawMany<Record<keyof TargetGroup, unknown>>();
    // Scope through the one rule of who moderates what (areas and their Quartiere).
    const groups: TargetGroup[] = raw
      .map((g) => ({
        targetType: g.targetType as ReportTargetType,
        targetId: String(g.targetId),
        proposalId: String(g.proposalId),
        areaId: String(g.areaId),
        parentId: g.parentId === null ? null : String(g.parentId),
        reportCount: Number(g.reportCount),
        lastAt: sortable(g.lastAt),
      }))
      .filter((g) => moderatesArea(user, { id: g.areaId, parentId: g.parentId }))
      .sort((x, y) => (x.lastAt === y.lastAt ? x.targetId.localeCompare(y.targetId) : x.lastAt < y.lastAt ? 1 : -1));
    const slice = groups.slice((page - 1) * pageSize, page * pageSize);
    return { items: await this.describe(slice, status), total: groups.length, page, pageSize };
  }

  private async describe(groups: TargetGroup[], status: ReportStatus): Promise<ReportResponse[]> {
    if (!groups.length) return [];
    const [proposals, comments, latest] = await Promise.all([
      this.proposalRows.find({
        where: { id: In([...new Set(groups.map((g) => g.proposalId))]) },
        select: ['id', 'title', 'body', 'hiddenAt'],
      }),
      this.comments.byIds(groups.filter((g) => g.targetType === ReportTargetType.Comment).map((g) => g.targetId)),
      Promise.all(
        groups.map((g) =>
          this.reports.findOneOrFail({
            where: { status, targetType: g.targetType, targetId: g.targetId },
            order: { createdAt: 'DESC', id: 'DESC' },
          }),
        ),
      ),
    ]);
    const proposalById = new Map(proposals.map((p) => [p.id, p]));
    const commentById = new Map<string, Comment>(comments.map((c) => [c.id, c]));
    return groups.map((g, i) => {
      const p = proposalById.get(g.proposalId)!;
      const c = g.targetType === ReportTargetType.Comment ? commentById.get(g.targetId) : undefined;
      const text = c ? c.body : `${p.title}\n\n${p.body}`;
      const report = latest[i];
      return {
        id: report.id,
        targetType: g.targetType,
        targetId: g.targetId,
        proposalId: g.proposalId,
        proposalTitle: p.title,
        areaId: g.areaId,
        excerpt: text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX)}…` : text,
        reason: report.reason,
        status,
        reportCount: g.reportCount,
        createdAt: report.createdAt.toISOString(),
        resolvedAt: report.resolvedAt?.toISOString() ?? null,
        targetHidden: (c ? c.hiddenAt : p.hiddenAt) !== null,
      };
    });
  }
}
