import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  filterCommentThreads,
  ProposalStatus,
  type CommentListQuery,
  type CommentResponse,
  type CommentTranslation,
  type Language,
} from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { assumedLanguage } from '../../common/http/contribution-language';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Proposal } from '../proposals/proposal.entity';
import { ProposalCommandsService } from '../proposals/proposal-commands.service';
import { ProposalQueriesService } from '../proposals/proposal-queries.service';
import { MachineTranslationService } from '../translations/machine-translation.service';
import type { User } from '../users/user.entity';
import { Comment } from './comment.entity';
import type { CreateCommentDto, UpdateCommentDto } from './dto/comment.dto';

/** Where the discussion has ended: no new comments. */
const CLOSED = new Set([ProposalStatus.Withdrawn, ProposalStatus.Merged]);

@Injectable()
export class CommentsService {
  constructor(
    @InjectRepository(Comment) private readonly comments: Repository<Comment>,
    @InjectRepository(Proposal) private readonly proposalRows: Repository<Proposal>,
    private readonly proposals: ProposalQueriesService,
    private readonly proposalCommands: ProposalCommandsService,
    private readonly translation: MachineTranslationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private editable(c: Comment): boolean {
    return c.hiddenAt === null && Date.now() - c.createdAt.getTime() < this.config.commentEditWindowMs;
  }

  /** The public shape: a hidden comment keeps its place, without its text. Needs the author relation. */
  private toResponse(c: Comment, viewer: User | undefined, replies: CommentResponse[] = []): CommentResponse {
    const isAuthor = Boolean(viewer && viewer.id === c.authorId);
    const hidden = c.hiddenAt !== null;
    return {
      id: c.id,
      proposalId: c.proposalId,
      parentId: c.parentId,
      author: { id: c.authorId, displayName: c.author.deletedAt ? null : c.author.displayName },
      body: hidden ? '' : c.body,
      language: c.language,
      hidden,
      hiddenReason: hidden ? c.hiddenReason : null,
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
      viewer: { isAuthor, canEdit: isAuthor && this.editable(c) },
      replies,
    };
  }

  /** Threads in order of their first comment; replies in order under their top-level comment. */
  private tree(rows: Comment[], viewer: User | undefined): CommentResponse[] {
    const replies = new Map<string, CommentResponse[]>();
    for (const r of rows) {
      if (r.parentId === null) continue;
      const list = replies.get(r.parentId) ?? [];
      list.push(this.toResponse(r, viewer));
      replies.set(r.parentId, list);
    }
    return rows.filter((r) => r.parentId === null).map((r) => this.toResponse(r, viewer, replies.get(r.id) ?? []));
  }

  private async visibleProposal(id: string): Promise<Proposal> {
    const p = await this.proposalRows.findOne({ where: { id, hiddenAt: IsNull() }, select: ['id', 'status', 'hiddenAt'] });
    if (!p) throw notFound('The proposal');
    return p;
  }

  async list(proposalId: string, viewer?: User, query: CommentListQuery = {}): Promise<CommentResponse[]> {
    await this.visibleProposal(proposalId);
    const rows = await this.comments.find({
      where: { proposalId },
      relations: { author: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const threads = this.tree(rows, viewer);
    return query.language ? filterCommentThreads(threads, query.language) : threads;
  }

  /**
   * A visible comment's text in another language, by machine (cached); the comment itself is not
   * changed. A hidden comment shows no text, so it has none to translate (404, as for a missing one).
   */
  async translate(id: string, language: Language): Promise<CommentTranslation> {
    const c = await this.comments.findOne({
      where: { id },
      relations: { proposal: true },
      select: { id: true, body: true, language: true, hiddenAt: true, proposal: { id: true, hiddenAt: true } },
    });
    if (!c || c.hiddenAt !== null || c.proposal.hiddenAt !== null) throw notFound('The comment');
    const [body] = await this.translation.translateContribution('comment', [c.body], c.language, language);
    return { commentId: c.id, language, sourceLanguage: c.language, body };
  }

  private async thread(id: string, viewer: User): Promise<CommentResponse> {
    const rows = await this.comments.find({
      where: [{ id }, { parentId: id }],
      relations: { author: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const own = rows.find((r) => r.id === id)!;
    if (own.parentId !== null) return this.toResponse(own, viewer);
    return this.tree(rows, viewer)[0];
  }

  /** `acceptLanguage`: the request's header, for the comment's language when neither the body nor the account names one. */
  async create(user: User, proposalId: string, dto: CreateCommentDto, acceptLanguage?: string): Promise<CommentResponse> {
    const p = await this.proposalRows.findOne({ where: { id: proposalId }, select: ['id', 'status', 'hiddenAt'] });
    if (!p) throw notFound('The proposal');
    if (p.hiddenAt !== null || CLOSED.has(p.status))
      throw new DomainError(ErrorCode.ProposalClosed, 'This proposal is closed for discussion; no new comments can be added.');
    let parentId: string | null = null;
    if (dto.parentId) {
      const parent = await this.comments.findOne({ where: { id: dto.parentId, proposalId }, select: ['id', 'parentId'] });
      if (!parent)
        throw new DomainError(ErrorCode.ReferenceInvalid, 'The comment you reply to does not belong to this proposal.', [
          { field: 'parentId', messages: ['unknown comment of this proposal'] },
        ]);
      // Two levels only: a reply to a reply joins the thread of the top-level comment.
      parentId = parent.parentId ?? parent.id;
    }
    // The comment and the count change in one transaction, so a crash can never leave them apart.
    const saved = await this.comments.manager.transaction(async (m) => {
      const language = dto.language ?? assumedLanguage(user, acceptLanguage);
      const row = await m.save(m.create(Comment, { proposalId, parentId, authorId: user.id, body: dto.body, language }));
      await this.proposalCommands.countComment(m, proposalId);
      return row;
    });
    this.proposals.invalidateList();
    return this.thread(saved.id, user);
  }

  async update(user: User, id: string, dto: UpdateCommentDto): Promise<CommentResponse> {
    const c = await this.comments.findOne({ where: { id }, relations: { proposal: true } });
    if (!c || c.proposal.hiddenAt !== null) throw notFound('The comment');
    if (c.authorId !== user.id) throw new DomainError(ErrorCode.Forbidden, 'Only the author can edit a comment.');
    if (c.hiddenAt !== null) throw new DomainError(ErrorCode.CommentNotEditable, 'A hidden comment cannot be edited.');
    if (!this.editable(c)) throw new DomainError(ErrorCode.CommentNotEditable, 'The time for editing this comment has passed.');
    // The condition repeats the rule in the database, so a moderator hiding it meanwhile wins.
    const result = await this.comments.update({ id, hiddenAt: IsNull() }, { body: dto.body, editedAt: new Date() });
    if (!result.affected)
      throw new DomainError(ErrorCode.CommentNotEditable, 'This comment changed meanwhile and can no longer be edited.');
    return this.thread(id, user);
  }

  /** The comment with its proposal and area (also hidden ones), for moderation; 404 if absent. */
  async findForAction(id: string): Promise<Comment> {
    const c = await this.comments.findOne({ where: { id }, relations: { proposal: { area: true } } });
    if (!c) throw notFound('The comment');
    return c;
  }

  /** Hides (hiddenAt set) or restores (null) the comment, in the caller's transaction; moderation decides. */
  async setHidden(m: EntityManager, id: string, hiddenAt: Date | null, hiddenReason: string | null): Promise<void> {
    await m.update(Comment, { id }, { hiddenAt, hiddenReason });
  }

  /** Comments by id, for the moderation queue. */
  async byIds(ids: string[]): Promise<Comment[]> {
    return ids.length ? this.comments.find({ where: { id: In(ids) } }) : [];
  }

  /**
   * Sets the stored count to the number of visible comments, inside the caller's transaction. The
   * proposal row is locked first, so the count includes every comment committed before it.
   */
  async recount(proposalId: string, m: EntityManager): Promise<void> {
    await this.proposalCommands.recountComments(proposalId, m);
  }
}
