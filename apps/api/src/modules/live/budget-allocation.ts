import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AssemblyEventType,
  ErrorCode,
  VotingRoundStatus,
  VotingType,
  type AllocationConfirmationLine,
  type ConfirmedAllocation,
} from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { VotingRoundEntity } from './entities/live.entities';
import { LiveChanges, type LiveActor } from './live-changes';
import { LiveMapper } from './live.mapper';

/** What the live module tells the rest of the platform when a moderator confirms a budget round's allocation. */
export interface BudgetAllocationConfirmed {
  assemblyId: string;
  roundId: string;
  /** Every item of the round in ranking order; amountCents null for an item that got no money. */
  lines: Array<{ refId: string | null; optionId: string; amountCents: number | null; votes: number }>;
  decidedAt: Date;
  /** The moderator's account id (null: none, e.g. a system actor). */
  actor: { userId: string | null; role: string | null };
}

/**
 * Connects a confirmed allocation to what the items stand for (e.g. the fund's applications). Runs
 * inside the confirming transaction with its EntityManager: throwing (a DomainError, whose message
 * reaches the moderator) rolls the confirmation back, so nothing is stored.
 */
export interface BudgetAllocationHandler {
  onAllocationConfirmed(event: BudgetAllocationConfirmed, manager: EntityManager): Promise<void>;
}

/** Injection token of the optional BudgetAllocationHandler (none provided: the allocation is only kept on the round). */
export const BUDGET_ALLOCATION_HANDLER = Symbol('BUDGET_ALLOCATION_HANDLER');

/** The moderator's "confirm allocation" of a closed budget round: stored once, recorded and handed to the handler. */
@Injectable()
export class BudgetAllocationService {
  constructor(
    private readonly changes: LiveChanges,
    private readonly map: LiveMapper,
    @Optional() @Inject(BUDGET_ALLOCATION_HANDLER) private readonly handler?: BudgetAllocationHandler,
  ) {}

  async confirm(actor: LiveActor, roundId: string): Promise<ConfirmedAllocation> {
    return this.changes.change(actor, 'not-closed', async (m, assembly) => {
      const round = await m.getRepository(VotingRoundEntity).findOne({ where: { id: roundId, assemblyId: assembly.id } });
      if (!round) throw notFound('The voting round');
      if (round.type !== VotingType.Budget)
        throw new DomainError(ErrorCode.RoundStateInvalid, 'Only a budget vote has an allocation to confirm.');
      if (round.status !== VotingRoundStatus.Closed && round.status !== VotingRoundStatus.Published)
        throw new DomainError(
          ErrorCode.RoundStateInvalid,
          'Close the budget vote first; its allocation can be confirmed once no more ballots come in.',
        );
      if (round.allocation)
        throw new DomainError(
          ErrorCode.Conflict,
          'The allocation of this budget vote has already been confirmed; it can be confirmed only once.',
        );
      const budget = (await this.changes.state.result(m, round)).budget;
      if (!budget) throw new DomainError(ErrorCode.RoundStateInvalid, 'This round has no budget to allocate.');
      const decidedAt = new Date();
      const lines: AllocationConfirmationLine[] = budget.lines.map((l) => ({
        optionId: l.optionId,
        refId: l.refId,
        amountCents: l.funded ? l.amountCents : null,
        votes: l.votes,
      }));
      const allocation: ConfirmedAllocation = {
        confirmedAt: decidedAt.toISOString(),
        allocatedCents: budget.allocatedCents,
        remainingCents: budget.remainingCents,
        lines,
      };
      await m.getRepository(VotingRoundEntity).update({ id: round.id }, { allocation, allocationConfirmedAt: decidedAt });
      await this.changes.record(m, actor, AssemblyEventType.AllocationConfirmed, { ...this.map.roundEvent(round), allocation });
      await this.handler?.onAllocationConfirmed(
        {
          assemblyId: assembly.id,
          roundId: round.id,
          lines: lines.map((l) => ({ refId: l.refId, optionId: l.optionId, amountCents: l.amountCents, votes: l.votes })),
          decidedAt,
          actor: { userId: actor.user?.id ?? null, role: actor.user?.role ?? null },
        },
        m,
      );
      return allocation;
    });
  }
}
