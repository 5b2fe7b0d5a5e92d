import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { In, Repository } from 'typeorm';
import type {
  Language,
  Page,
  ProposalAttachment,
  ProposalDetail,
  ProposalSummary,
  ProposalTranslation,
  SimilarProposal,
} from '@app/shared';
import { notFound } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Area } from '../areas/area.entity';
import { ProjectProposal } from '../projects/project.entities';
import { MachineTranslationService } from '../translations/machine-translation.service';
import { moderatesArea } from '../users/moderator-scope';
import type { User } from '../users/user.entity';
import { ProposalAttachmentEntity } from './attachments/attachment.entity';
import { toAttachment } from './attachments/attachment.mapper';
import type { ProposalListQueryDto, SimilarQueryDto } from './dto/proposal.dto';
import { ProposalListCache, type SerializedPage } from './proposal-list-cache';
import { editProblem, OPEN_STATUSES } from './proposal-rules';
import { ProposalStatusEventEntity } from './proposal-status-event.entity';
import { ProposalSupportsService } from './proposal-supports.service';
import { ProposalSupport } from './proposal-support.entity';
import { Proposal } from './proposal.entity';
import { toDetail, toSummary } from './proposal.mapper';
import { ProposalsRepository } from './proposals.repository';
import { diceSimilarity, trigrams } from './similarity';

const SIMILAR_MIN_SCORE = 0.3;

/** What proposals there are and what a viewer may do with one: the list (cached), similar ones, a detail. */
@Injectable()
export class ProposalQueriesService {
  constructor(
    @InjectRepository(Proposal) private readonly proposals: Repository<Proposal>,
    @InjectRepository(ProposalSupport) private readonly supports: Repository<ProposalSupport>,
    @InjectRepository(ProposalStatusEventEntity) private readonly events: Repository<ProposalStatusEventEntity>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    @InjectRepository(ProposalAttachmentEntity) private readonly attachmentRows: Repository<ProposalAttachmentEntity>,
    @InjectRepository(ProjectProposal) private readonly projectLinks: Repository<ProjectProposal>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: ProposalsRepository,
    private readonly supportsService: ProposalSupportsService,
    private readonly listCache: ProposalListCache,
    private readonly translation: MachineTranslationService,
  ) {}

  /**
   * The page for the exact request URL: cached, or being loaded for an earlier request with that URL
   * (a promise), or undefined. Only URLs whose query passed validation are ever stored (see listJson),
   * so either may skip the query DTO's validation and conversion.
   */
  listByUrl(url: string): SerializedPage | Promise<SerializedPage> | undefined {
    return this.listCache.peek(`url:${url}`);
  }

  /**
   * The public list as ready-to-send JSON with its ETag. Cached briefly (see ListCache) because
   * every visitor starts here: a cache hit costs neither a query nor a serialization.
   */
  listJson(query: ProposalListQueryDto, url?: string): Promise<SerializedPage> {
    const page = this.listPage(query);
    return url ? this.listCache.track(`url:${url}`, page) : page;
  }

  /** For other features that change what the public list shows (moderation, answers, merges, comments). */
  invalidateList(): void {
    this.listCache.invalidate();
  }

  private listPage(query: ProposalListQueryDto): Promise<SerializedPage> {
    const key = JSON.stringify([
      query.areaId,
      query.fieldOfActionId,
      query.status,
      query.language,
      query.q,
      query.sort,
      query.seed,
      query.page,
      query.pageSize,
    ]);
    return this.listCache.get(key, async () => {
      const body = Buffer.from(JSON.stringify(await this.loadList(query, key)));
      return { body, etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` };
    });
  }

  private async loadList(query: ProposalListQueryDto, key: string): Promise<Page<ProposalSummary>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { total, ids } = await this.listCache.selectionsFor(query.sort).get(key, async () => {
      const areaIds = query.areaId ? await this.areaSubtree(query.areaId) : null;
      return this.repository.listPageIds(query, areaIds, page, pageSize);
    });
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
    const rows = await this.repository.publicQuery().andWhere('p.id IN (:...ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => (byId.has(id) ? [toSummary(byId.get(id)!)] : []));
  }

  /** Open proposals whose title and text resemble what is being typed, best first. */
  async similar(query: SimilarQueryDto): Promise<SimilarProposal[]> {
    const wanted = trigrams(query.text);
    return (await this.repository.similarCandidates(query))
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

  /** A visible proposal's title and text in another language, by machine (cached); the proposal itself is not changed. */
  async translate(id: string, language: Language): Promise<ProposalTranslation> {
    const p = await this.repository.findVisible(id);
    const [title, body] = await this.translation.translateContribution('proposal', [p.title, p.body], p.language, language);
    return { proposalId: p.id, language, sourceLanguage: p.language, title, body };
  }

  async get(id: string, viewer?: User): Promise<ProposalDetail> {
    const p = await this.repository.findVisible(id);
    const [history, supported, mergedInto, attachments, limit, project] = await Promise.all([
      this.events.find({ where: { proposalId: id }, order: { createdAt: 'ASC' } }),
      viewer ? this.supports.exists({ where: { proposalId: id, userId: viewer.id } }) : Promise.resolve(false),
      p.mergedIntoId ? this.proposals.findOne({ where: { id: p.mergedIntoId }, select: ['id', 'title'] }) : Promise.resolve(null),
      this.attachmentsOf(id),
      this.supportsService.supportLimitFor(p.area),
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
        canWithdraw: isAuthor && OPEN_STATUSES.has(p.status),
        canSupport: Boolean(viewer) && !isAuthor && OPEN_STATUSES.has(p.status),
        canAttach: Boolean(viewer) && ((isAuthor && editable) || moderatesArea(viewer!, p.area)),
        supportsLeft: viewer && limit ? await this.supportsService.supportsLeft(viewer.id, limit) : null,
      },
      { attachments, supportLimit: limit?.info ?? null, project },
    );
  }

  /** Why the author may not edit now, or null when they may. */
  editProblem(p: Proposal): string | null {
    return editProblem(p, this.config.proposalEditWindowMs);
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

  /** The proposal with its area (also hidden ones), for features that act on it; 404 if absent. */
  async findForAction(id: string): Promise<Proposal> {
    const p = await this.proposals.findOne({ where: { id }, relations: { area: true } });
    if (!p) throw notFound('The proposal');
    return p;
  }

  async mine(user: User): Promise<ProposalSummary[]> {
    const rows = await this.repository
      .publicQuery()
      .andWhere('p.authorId = :uid', { uid: user.id })
      .orderBy('p.createdAt', 'DESC')
      .getMany();
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
