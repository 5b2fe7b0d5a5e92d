import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import { ErrorCode, type FollowResponse, type ProposalStatus, type ProposalStatusNote } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { hashToken, newToken } from '../auth/tokens';
import { MailService } from '../mail/mail.service';
import type { MailParams, MailTemplate } from '../mail/mail-templates';
import { Proposal } from '../proposals/proposal.entity';
import { ProposalQueriesService } from '../proposals/proposal-queries.service';
import { User } from '../users/user.entity';
import { ProposalFollow, ProposalUnsubscribeToken } from './proposal-follow.entity';

/** Something that happened to a proposal that its author and followers hear about by mail. */
export type FollowEvent =
  /** An official answer (explanation), or "grouped into a project idea" (note, written in the recipient's language). */
  | { kind: 'answered'; status: ProposalStatus; explanation: string | null; note?: ProposalStatusNote }
  /** The proposal was merged into another one; followers now follow that one. */
  | { kind: 'merged'; into: { id: string; title: string }; explanation: string | null };

@Injectable()
export class FollowsService {
  constructor(
    @InjectRepository(ProposalFollow) private readonly follows: Repository<ProposalFollow>,
    @InjectRepository(ProposalUnsubscribeToken) private readonly tokens: Repository<ProposalUnsubscribeToken>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Proposal) private readonly proposals: Repository<Proposal>,
    private readonly proposalService: ProposalQueriesService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The author is a recipient unless they muted; everyone else only with an unmuted row. */
  private isFollowing(p: Pick<Proposal, 'authorId'>, userId: string, row: ProposalFollow | null): boolean {
    if (p.authorId === userId) return !row?.muted;
    return Boolean(row && !row.muted);
  }

  async status(user: User, proposalId: string): Promise<FollowResponse> {
    const p = await this.proposalService.findForAction(proposalId);
    const row = await this.follows.findOneBy({ proposalId, userId: user.id });
    return { following: this.isFollowing(p, user.id, row) };
  }

  /** Following and unfollowing are idempotent: the row holds the wish, repeats change nothing. */
  async setFollowing(user: User, proposalId: string, following: boolean): Promise<FollowResponse> {
    const p = await this.proposalService.findForAction(proposalId);
    if (p.hiddenAt) throw new DomainError(ErrorCode.NotFound, 'The proposal was not found.');
    await this.upsert(proposalId, user.id, !following);
    return { following };
  }

  private mute(proposalId: string, userId: string): Promise<void> {
    return this.upsert(proposalId, userId, true);
  }

  private async upsert(proposalId: string, userId: string, muted: boolean): Promise<void> {
    await this.follows
      .createQueryBuilder()
      .insert()
      .into(ProposalFollow)
      .values({ proposalId, userId, muted })
      .orUpdate(['muted'], ['proposalId', 'userId'])
      .execute();
  }

  /** The link in every notification mail: works without signing in, and again if clicked twice. */
  async unsubscribe(token: string): Promise<FollowResponse> {
    const row = await this.tokens.findOneBy({ tokenHash: hashToken(token) });
    if (!row) throw new DomainError(ErrorCode.TokenInvalid, 'This unsubscribe link is not valid. Sign in to manage your notifications.');
    await this.mute(row.proposalId, row.userId);
    return { following: false };
  }

  /** After a merge: whoever heard about `fromId` (author included, unless muted) follows `intoId` too. */
  async copyFollowers(fromId: string, intoId: string, manager?: EntityManager): Promise<void> {
    const proposals = manager ? manager.getRepository(Proposal) : this.proposals;
    const from = await proposals.findOneOrFail({ where: { id: fromId }, select: ['id', 'authorId'] });
    const userIds = await this.recipientIds(from, manager);
    if (!userIds.length) return;
    const follows = manager ? manager.getRepository(ProposalFollow) : this.follows;
    for (let i = 0; i < userIds.length; i += 500) {
      await follows
        .createQueryBuilder()
        .insert()
        .into(ProposalFollow)
        .values(userIds.slice(i, i + 500).map((userId) => ({ proposalId: intoId, userId, muted: false })))
        .orIgnore()
        .execute();
    }
  }

  private async recipientIds(p: Pick<Proposal, 'id' | 'authorId'>, manager?: EntityManager): Promise<string[]> {
    const follows = manager ? manager.getRepository(ProposalFollow) : this.follows;
    const rows = await follows.find({ where: { proposalId: p.id }, select: ['userId', 'muted'] });
    const ids = new Set(rows.filter((r) => !r.muted).map((r) => r.userId));
    if (p.authorId && !rows.some((r) => r.userId === p.authorId && r.muted)) ids.add(p.authorId);
    return [...ids];
  }

  /**
   * One mail per event and recipient (the author and every follower, deduplicated), in the
   * recipient's language, with a fresh unsubscribe link. Deleted accounts get nothing. For a merge
   * the link and the unsubscribe token belong to the proposal merged into, which is where news
   * will come from. The mails are queued in the outbox, inside the caller's transaction when it
   * passes its manager (then they go out only if it commits). Returns how many were queued.
   */
  async notifyFollowers(proposalId: string, event: FollowEvent, manager?: EntityManager): Promise<number> {
    const proposals = manager ? manager.getRepository(Proposal) : this.proposals;
    const users = manager ? manager.getRepository(User) : this.users;
    const p = await proposals.findOneOrFail({ where: { id: proposalId }, select: ['id', 'title', 'authorId'] });
    const userIds = await this.recipientIds(p, manager);
    if (!userIds.length) return 0;
    const recipients = await users.find({
      where: { id: In(userIds) },
      select: ['id', 'email', 'displayName', 'language', 'deletedAt'],
    });
    const subscriptionId = event.kind === 'merged' ? event.into.id : p.id;
    const seen = new Set<string>();
    for (const user of recipients) {
      if (!user.email || user.deletedAt || seen.has(user.email)) continue;
      seen.add(user.email);
      const token = await this.issueToken(subscriptionId, user.id, manager);
      const template: MailTemplate = event.kind === 'merged' ? 'proposalMerged' : 'proposalAnswered';
      const params: MailParams = {
        name: user.displayName ?? '',
        title: p.title,
        link: `${this.config.publicUrl}/proposals/${subscriptionId}`,
        unsubscribeLink: `${this.config.publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`,
        ...(event.kind === 'merged'
          ? { intoTitle: event.into.title, explanation: event.explanation }
          : { status: event.status, explanation: event.explanation, note: event.note ?? null }),
      };
      await this.mail.send({ to: user.email, language: user.language, template, params }, manager);
    }
    return seen.size;
  }

  /** A new token per mail; only its hash is stored, and every mailed link keeps working. */
  private async issueToken(proposalId: string, userId: string, manager?: EntityManager): Promise<string> {
    const token = newToken();
    await (manager ? manager.getRepository(ProposalUnsubscribeToken) : this.tokens).insert({
      tokenHash: hashToken(token),
      proposalId,
      userId,
    });
    return token;
  }
}
