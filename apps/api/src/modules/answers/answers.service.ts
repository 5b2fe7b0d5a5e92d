import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
import { ErrorCode, ProposalStatus, type AnswerStatus, type ProposalDetail } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { FollowsService } from '../follows/follows.service';
import { ProposalSupport } from '../proposals/proposal-support.entity';
import { Proposal } from '../proposals/proposal.entity';
import { ProposalCommandsService } from '../proposals/proposal-commands.service';
import { ProposalQueriesService } from '../proposals/proposal-queries.service';
import { moderatesArea } from '../users/moderator-scope';
import type { User } from '../users/user.entity';

/** Which official answer may follow which status: a first answer, or evaluating to a final one. */
const ANSWERABLE_FROM: Record<AnswerStatus, ProposalStatus[]> = {
  [ProposalStatus.Evaluating]: [ProposalStatus.Submitted],
  [ProposalStatus.Accepted]: [ProposalStatus.Submitted, ProposalStatus.Evaluating],
  [ProposalStatus.Rejected]: [ProposalStatus.Submitted, ProposalStatus.Evaluating],
  [ProposalStatus.InProjectIdea]: [ProposalStatus.Submitted, ProposalStatus.Evaluating],
};
/** A merge must not start from or end in these (no chains, nothing withdrawn). */
const NOT_MERGEABLE = [ProposalStatus.Merged, ProposalStatus.Withdrawn];

@Injectable()
export class AnswersService {
  constructor(
    @InjectRepository(Proposal) private readonly proposalRows: Repository<Proposal>,
    @InjectRepository(ProposalSupport) private readonly supports: Repository<ProposalSupport>,
    private readonly proposals: ProposalQueriesService,
    private readonly proposalCommands: ProposalCommandsService,
    private readonly follows: FollowsService,
    private readonly audit: AuditService,
  ) {}

  private async findModerated(user: User, id: string): Promise<Proposal> {
    const p = await this.proposals.findForAction(id);
    if (!moderatesArea(user, p.area))
      throw new DomainError(ErrorCode.Forbidden, 'You moderate other areas; this proposal is not in your scope.');
    if (p.hiddenAt) throw new DomainError(ErrorCode.ProposalClosed, 'This proposal is hidden; restore it before answering or merging it.');
    return p;
  }

  async answer(user: User, id: string, status: AnswerStatus, explanation: string): Promise<ProposalDetail> {
    const p = await this.findModerated(user, id);
    const from = ANSWERABLE_FROM[status];
    const closed = () =>
      new DomainError(
        ErrorCode.ProposalClosed,
        `A proposal that is "${p.status}" cannot be answered with "${status}"; answers are possible while it is submitted or being evaluated.`,
      );
    if (!from.includes(p.status)) throw closed();
    // The condition repeats the rule in the database, so of two answers at the same moment one wins.
    await this.proposalRows.manager.transaction(async (m) => {
      if (!(await this.proposalCommands.moveStatus(m, id, In(from), status))) throw closed();
      await this.proposalCommands.recordStatus(id, status, user, explanation, m);
      await this.audit.record(
        { actorId: user.id, action: 'proposal.answer', entityType: 'proposal', entityId: id, details: { from: p.status, to: status } },
        m,
      );
      await this.follows.notifyFollowers(id, { kind: 'answered', status, explanation }, m);
    });
    return this.proposals.get(id, user);
  }

  /** Merges the duplicate `id` into `intoId`: status, supports (each person once) and followers move. */
  async merge(user: User, id: string, intoId: string, explanation?: string): Promise<ProposalDetail> {
    const invalid = (message: string) => new DomainError(ErrorCode.MergeInvalid, message, [{ field: 'intoId', messages: [message] }]);
    const duplicate = await this.findModerated(user, id);
    if (id === intoId) throw invalid('A proposal cannot be merged into itself.');
    const target = await this.findModerated(user, intoId);
    if (NOT_MERGEABLE.includes(duplicate.status)) throw invalid(`This proposal is ${duplicate.status} and cannot be merged.`);
    if (NOT_MERGEABLE.includes(target.status))
      throw invalid(`The proposal to merge into is ${target.status}; choose the one it was merged into or another one.`);
    if (await this.proposalRows.existsBy({ mergedIntoId: id }))
      throw invalid('Other proposals were merged into this one; merge the other duplicates into it instead (no chains).');

    await this.proposalRows.manager.transaction(async (m) => {
      const moved = await this.proposalCommands.moveStatus(m, id, Not(In(NOT_MERGEABLE)), ProposalStatus.Merged, intoId);
      if (!moved) throw invalid('This proposal changed meanwhile and cannot be merged.');
      await this.proposalCommands.moveSupports(m, id, intoId, target.authorId);
      // The history keeps the moderator's words only; the target is in mergedInto, and each client names it in its language.
      await this.proposalCommands.recordStatus(id, ProposalStatus.Merged, user, explanation ?? null, m);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'proposal.merge',
          entityType: 'proposal',
          entityId: id,
          details: { intoId, from: duplicate.status, movedSupports: duplicate.supportCount },
        },
        m,
      );
      await this.follows.copyFollowers(id, intoId, m);
      await this.follows.notifyFollowers(
        id,
        { kind: 'merged', into: { id: intoId, title: target.title }, explanation: explanation ?? null },
        m,
      );
    });
    return this.proposals.get(id, user);
  }
}
