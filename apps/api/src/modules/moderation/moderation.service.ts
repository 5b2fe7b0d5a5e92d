import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { ErrorCode, ReportStatus, ReportTargetType } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import type { Area } from '../areas/area.entity';
import { AuditService } from '../audit/audit.service';
import { CommentsService } from '../comments/comments.service';
import { ProposalStatusEventEntity } from '../proposals/proposal-status-event.entity';
import { ProposalSupport } from '../proposals/proposal-support.entity';
import { Proposal } from '../proposals/proposal.entity';
import { toDetail } from '../proposals/proposal.mapper';
import { ProposalCommandsService } from '../proposals/proposal-commands.service';
import { ProposalQueriesService } from '../proposals/proposal-queries.service';
import { ProposalSupportsService } from '../proposals/proposal-supports.service';
import { moderatesArea } from '../users/moderator-scope';
import type { User } from '../users/user.entity';
import type { ModeratedProposalDto, ModerationResultDto } from './dto/moderation.dto';
import { OPEN_KEY, Report } from './report.entity';

interface Decision {
  hide: boolean;
  reason: string;
}

/** Hiding and restoring proposals and comments: scoped to the moderator's areas, audited, reports resolved. */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Proposal) private readonly proposalRows: Repository<Proposal>,
    @InjectRepository(ProposalStatusEventEntity) private readonly events: Repository<ProposalStatusEventEntity>,
    @InjectRepository(ProposalSupport) private readonly supports: Repository<ProposalSupport>,
    @InjectRepository(Report) private readonly reports: Repository<Report>,
    private readonly proposals: ProposalQueriesService,
    private readonly proposalCommands: ProposalCommandsService,
    private readonly proposalSupports: ProposalSupportsService,
    private readonly comments: CommentsService,
    private readonly audit: AuditService,
  ) {}

  private assertModerates(user: User, area: Pick<Area, 'id' | 'parentId'>): void {
    if (!moderatesArea(user, area)) throw new DomainError(ErrorCode.Forbidden, 'You moderate other areas; this area is not in your scope.');
  }

  private openReports(targetType: ReportTargetType, targetId: string) {
    return { targetType, targetId, status: ReportStatus.Open, openKey: OPEN_KEY };
  }

  /** Marks the target's open reports resolved; returns how many there were. */
  private async resolveReports(m: EntityManager, user: User, targetType: ReportTargetType, targetId: string, at: Date): Promise<number> {
    const where = this.openReports(targetType, targetId);
    const count = await m.count(Report, { where });
    if (count) await m.update(Report, where, { status: ReportStatus.Resolved, openKey: null, resolvedAt: at, resolvedById: user.id });
    return count;
  }

  /** A proposal as its moderators see it: also when hidden, with the hidden state and open reports. */
  async proposal(user: User, id: string): Promise<ModeratedProposalDto> {
    const target = await this.proposals.findForAction(id);
    this.assertModerates(user, target.area);
    const p = await this.proposalRows.findOneOrFail({ where: { id }, relations: { fieldOfAction: true, area: true, author: true } });
    const [history, supported, mergedInto, openReportCount, attachments, limit, project] = await Promise.all([
      this.events.find({ where: { proposalId: id }, order: { createdAt: 'ASC' } }),
      this.supports.exists({ where: { proposalId: id, userId: user.id } }),
      p.mergedIntoId ? this.proposalRows.findOne({ where: { id: p.mergedIntoId }, select: ['id', 'title'] }) : Promise.resolve(null),
      this.reports.count({ where: this.openReports(ReportTargetType.Proposal, id) }),
      this.proposals.attachmentsOf(id),
      this.proposalSupports.supportLimitFor(p.area),
      this.proposals.projectOf(id),
    ]);
    // The public detail carries the author's actions; a moderator's view offers none of them.
    const isAuthor = p.authorId === user.id;
    const detail = toDetail(
      p,
      history,
      mergedInto ? { id: mergedInto.id, title: mergedInto.title } : null,
      { isAuthor, supported, canEdit: false, canWithdraw: false, canSupport: false, canAttach: true, supportsLeft: null },
      { attachments, supportLimit: limit?.info ?? null, project },
    );
    return {
      ...detail,
      hidden: p.hiddenAt !== null,
      hiddenAt: p.hiddenAt?.toISOString() ?? null,
      hiddenReason: p.hiddenReason,
      openReportCount,
    };
  }

  async decideProposal(user: User, id: string, { hide, reason }: Decision): Promise<ModerationResultDto> {
    const p = await this.proposals.findForAction(id);
    this.assertModerates(user, p.area);
    const now = new Date();
    const hiddenAt = hide ? (p.hiddenAt ?? now) : null;
    const hiddenReason = hide ? reason : null;
    const resolvedReports = await this.dataSource.transaction(async (m) => {
      await this.proposalCommands.setHidden(m, id, hiddenAt, hiddenReason);
      const resolved = await this.resolveReports(m, user, ReportTargetType.Proposal, id, now);
      await this.audit.record(
        {
          actorId: user.id,
          action: hide ? 'proposal.hidden' : 'proposal.restored',
          entityType: 'proposal',
          entityId: id,
          details: { reason, wasHidden: p.hiddenAt !== null, resolvedReports: resolved, areaId: p.areaId },
        },
        m,
      );
      return resolved;
    });
    this.proposals.invalidateList();
    return {
      targetType: ReportTargetType.Proposal,
      targetId: id,
      hidden: hide,
      hiddenAt: hiddenAt?.toISOString() ?? null,
      hiddenReason,
      resolvedReports,
    };
  }

  async decideComment(user: User, id: string, { hide, reason }: Decision): Promise<ModerationResultDto> {
    const c = await this.comments.findForAction(id);
    this.assertModerates(user, c.proposal.area);
    const now = new Date();
    const hiddenAt = hide ? (c.hiddenAt ?? now) : null;
    const hiddenReason = hide ? reason : null;
    const resolvedReports = await this.dataSource.transaction(async (m) => {
      await this.comments.setHidden(m, id, hiddenAt, hiddenReason);
      const resolved = await this.resolveReports(m, user, ReportTargetType.Comment, id, now);
      await this.comments.recount(c.proposalId, m);
      await this.audit.record(
        {
          actorId: user.id,
          action: hide ? 'comment.hidden' : 'comment.restored',
          entityType: 'comment',
          entityId: id,
          details: {
            reason,
            wasHidden: c.hiddenAt !== null,
            resolvedReports: resolved,
            proposalId: c.proposalId,
            areaId: c.proposal.areaId,
          },
        },
        m,
      );
      return resolved;
    });
    // Again after the commit, so no list cached during the transaction outlives it.
    this.proposals.invalidateList();
    return {
      targetType: ReportTargetType.Comment,
      targetId: id,
      hidden: hide,
      hiddenAt: hiddenAt?.toISOString() ?? null,
      hiddenReason,
      resolvedReports,
    };
  }
}
