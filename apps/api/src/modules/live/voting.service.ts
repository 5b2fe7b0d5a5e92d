import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AssemblyEventType,
  AssemblyStatus,
  ErrorCode,
  VotingRoundStatus,
  defineRound,
  type CastBallotPayload,
  type CastBallotResult,
  type CreateRoundPayload,
  type FieldErrorDetail,
  type HallTallyPayload,
  type LiveRound,
  type RoundResult,
} from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../common/errors/all-exceptions.filter';
import { Assembly } from '../assemblies/entities/assembly.entity';
import { BallotReceipt, OpenBallot, RoundTally, VotingRoundEntity } from '../assemblies/entities/live.entities';
import { Participant } from '../assemblies/entities/participant.entity';
import { problemDetails, validateBallot } from './ballot-validation';
import { closed, LiveChanges, notLive, participantOf, type LiveActor } from './live-changes';
import { LiveMapper } from './live.mapper';

/**
 * Voting rounds: prepared, opened, closed, published; hall counts; ballots. What a type allows and
 * how a ballot counts comes from the voting model in libs/shared (voting/).
 */
@Injectable()
export class VotingService {
  private readonly definitions = new Map<string, VotingRoundEntity>();

  constructor(
    private readonly changes: LiveChanges,
    private readonly map: LiveMapper,
  ) {}

  private async round(m: EntityManager, assemblyId: string, roundId: string): Promise<VotingRoundEntity> {
    const round = await m.getRepository(VotingRoundEntity).findOne({ where: { id: roundId, assemblyId } });
    if (!round) throw notFound('The voting round');
    return round;
  }

  async createRound(actor: LiveActor, input: CreateRoundPayload): Promise<LiveRound> {
    const { options, parameters, problems } = defineRound(input.type, input);
    if (problems.length) throw new DomainError(ErrorCode.UnprocessableEntity, 'Please check the voting round.', problemDetails(problems));
    return this.changes.change(actor, 'not-closed', async (m, assembly) => {
      const itemId = input.agendaItemId === undefined ? assembly.currentItemId : input.agendaItemId;
      if (itemId) await this.changes.item(m, assembly.id, itemId);
      const rounds = m.getRepository(VotingRoundEntity);
      const round = await rounds.save(
        rounds.create({
          assemblyId: assembly.id,
          agendaItemId: itemId ?? null,
          question: input.question,
          type: input.type,
          options,
          maxChoices: parameters.maxChoices,
          points: parameters.points,
          secret: input.secret,
          requireCheckIn: input.requireCheckIn ?? assembly.requireCheckIn,
          status: VotingRoundStatus.Draft,
        }),
      );
      await m.getRepository(RoundTally).insert(options.map((o) => ({ roundId: round.id, optionId: o.id, online: 0, hall: 0 })));
      await this.changes.record(m, actor, AssemblyEventType.RoundCreated, this.map.roundEvent(round));
      return this.map.round(round, this.map.emptyResult(round), true);
    });
  }

  async openRound(actor: LiveActor, roundId: string): Promise<void> {
    await this.changes.change(actor, 'live', async (m, assembly) => {
      const round = await this.round(m, assembly.id, roundId);
      if (round.status !== VotingRoundStatus.Draft)
        throw new DomainError(ErrorCode.RoundStateInvalid, 'Only a prepared round (not yet opened) can be opened.');
      const open = await m.getRepository(VotingRoundEntity).count({ where: { assemblyId: assembly.id, status: VotingRoundStatus.Open } });
      if (open) throw new DomainError(ErrorCode.RoundStateInvalid, 'Another voting round is open; close it first.');
      await m.getRepository(VotingRoundEntity).update({ id: round.id }, { status: VotingRoundStatus.Open, openedAt: new Date() });
      await this.changes.record(m, actor, AssemblyEventType.RoundOpened, this.map.roundEvent(round));
    });
  }

  /** Closes a round inside the caller's change and records it with its result. */
  private async close(m: EntityManager, actor: LiveActor, round: VotingRoundEntity): Promise<RoundResult> {
    await m.getRepository(VotingRoundEntity).update({ id: round.id }, { status: VotingRoundStatus.Closed, closedAt: new Date() });
    const result = await this.changes.state.result(m, round);
    await this.changes.record(m, actor, AssemblyEventType.RoundClosed, { ...this.map.roundEvent(round), result });
    return result;
  }

  /** When the assembly closes: every round still open closes with it. */
  async closeOpenRounds(m: EntityManager, actor: LiveActor): Promise<void> {
    const rounds = await m
      .getRepository(VotingRoundEntity)
      .find({ where: { assemblyId: actor.assemblyId, status: VotingRoundStatus.Open } });
    for (const round of rounds) await this.close(m, actor, round);
  }

  async closeRound(actor: LiveActor, roundId: string): Promise<RoundResult> {
    return this.changes.change(actor, 'not-closed', async (m, assembly) => {
      const round = await this.round(m, assembly.id, roundId);
      if (round.status !== VotingRoundStatus.Open) throw new DomainError(ErrorCode.RoundStateInvalid, 'Only an open round can be closed.');
      return this.close(m, actor, round);
    });
  }

  async publishRound(actor: LiveActor, roundId: string): Promise<RoundResult> {
    return this.changes.change(actor, 'not-closed', async (m, assembly) => {
      const round = await this.round(m, assembly.id, roundId);
      if (round.status !== VotingRoundStatus.Closed)
        throw new DomainError(ErrorCode.RoundStateInvalid, 'Only a closed round can be published; close it first.');
      await m.getRepository(VotingRoundEntity).update({ id: round.id }, { status: VotingRoundStatus.Published, publishedAt: new Date() });
      const result = await this.changes.state.result(m, round);
      await this.changes.record(m, actor, AssemblyEventType.RoundPublished, { ...this.map.roundEvent(round), result });
      return result;
    });
  }

  async hallTally(actor: LiveActor, input: HallTallyPayload): Promise<RoundResult> {
    return this.changes.change(actor, 'not-closed', async (m, assembly) => {
      const round = await this.round(m, assembly.id, input.roundId);
      if (round.status === VotingRoundStatus.Draft)
        throw new DomainError(ErrorCode.RoundStateInvalid, 'Hall counts can be entered once the round has been opened.');
      const known = new Set(round.options.map((o) => o.id));
      const details: FieldErrorDetail[] = [];
      const seen = new Set<string>();
      input.counts.forEach((c, i) => {
        if (!known.has(c.optionId)) details.push({ field: `counts.${i}.optionId`, messages: ['optionId must be an option of this round'] });
        if (seen.has(c.optionId)) details.push({ field: `counts.${i}.optionId`, messages: ['each option may be counted once'] });
        seen.add(c.optionId);
      });
      if (details.length) throw new DomainError(ErrorCode.UnprocessableEntity, 'Please check the hall counts.', details);
      const tallies = m.getRepository(RoundTally);
      for (const option of round.options) {
        const count = input.counts.find((c) => c.optionId === option.id)?.count ?? 0;
        await tallies.update({ roundId: round.id, optionId: option.id }, { hall: count });
      }
      await m
        .getRepository(VotingRoundEntity)
        .update({ id: round.id }, { hallBallots: input.ballots ?? null, hallNote: input.note ?? null });
      const fresh = await this.round(m, assembly.id, round.id);
      const result = await this.changes.state.result(m, fresh);
      await this.changes.record(m, actor, AssemblyEventType.HallTallyEntered, {
        ...this.map.roundEvent(round),
        counts: input.counts,
        ballots: input.ballots ?? null,
        note: input.note ?? null,
        result,
      });
      return result;
    });
  }

  /**
   * One ballot = one transaction: the receipt (its primary key refuses a second), the open ballot
   * (open rounds only) and the tally increments. A secret round stores nothing that links the
   * person to the content. A retry with the same idempotency key gets the first answer.
   */
  async castBallot(actor: LiveActor, input: CastBallotPayload): Promise<CastBallotResult> {
    const participant = participantOf(actor);
    const round = await this.roundDefinition(actor.assemblyId, input.roundId);
    const answerFor = (receipt: Pick<BallotReceipt, 'idempotencyKey'>): CastBallotResult => {
      if (receipt.idempotencyKey === input.idempotencyKey) return { roundId: round.id, created: false };
      throw new DomainError(ErrorCode.AlreadyVoted, 'You have already voted in this round.');
    };
    const receiptOf = (m: EntityManager) =>
      m.getRepository(BallotReceipt).findOne({
        where: { roundId: round.id, participantId: participant.id },
        select: { roundId: true, participantId: true, idempotencyKey: true },
      });
    try {
      return await this.changes.tx.run(async (m) => {
        // A retry of a counted ballot gets its first answer, even after the round closed.
        const existing = await receiptOf(m);
        if (existing) return answerFor(existing);
        const choices = validateBallot(round, input);
        if (round.requireCheckIn && !participant.checkedIn) {
          const fresh = await m
            .getRepository(Participant)
            .findOne({ where: { id: participant.id }, select: { id: true, checkedIn: true } });
          if (!fresh?.checkedIn)
            throw new DomainError(ErrorCode.CheckInRequired, 'This vote is binding: enter the check-in code from the entrance first.');
          participant.checkedIn = true;
        }
        // The rows of this ballot first (the receipt's primary key refuses a second ballot) ...
        await m
          .createQueryBuilder()
          .insert()
          .into(BallotReceipt)
          .values({ roundId: round.id, participantId: participant.id, idempotencyKey: input.idempotencyKey })
          .updateEntity(false)
          .execute();
        if (!round.secret)
          await m
            .createQueryBuilder()
            .insert()
            .into(OpenBallot)
            .values({ roundId: round.id, participantId: participant.id, choices })
            .updateEntity(false)
            .execute();
        // ... then the lock on the assembly row, which orders this ballot against closing the round
        // (held briefly: the status check, the counters, the commit).
        await this.changes.state.bump(m, actor.assemblyId);
        const [now] = await m
          .createQueryBuilder()
          .select('a.status', 'assemblyStatus')
          .addSelect('r.status', 'roundStatus')
          .from(Assembly, 'a')
          .innerJoin(VotingRoundEntity, 'r', 'r.id = :roundId', { roundId: round.id })
          .where('a.id = :assemblyId', { assemblyId: actor.assemblyId })
          .getRawMany<{ assemblyStatus: AssemblyStatus; roundStatus: VotingRoundStatus }>();
        if (now?.assemblyStatus === AssemblyStatus.Closed) throw closed();
        if (now?.assemblyStatus !== AssemblyStatus.Live) throw notLive();
        if (now.roundStatus === VotingRoundStatus.Draft)
          throw new DomainError(ErrorCode.RoundNotOpen, 'This voting round has not been opened yet.');
        if (now.roundStatus !== VotingRoundStatus.Open)
          throw new DomainError(ErrorCode.RoundClosed, 'This voting round is closed; no more ballots are accepted.');
        // A fixed order of the counters, so concurrent ballots never wait on each other crosswise.
        for (const optionId of Object.keys(choices).sort()) {
          await m
            .createQueryBuilder()
            .update(RoundTally)
            .set({ online: () => `"online" + ${Number(choices[optionId])}` })
            .where('"roundId" = :roundId AND "optionId" = :optionId', { roundId: round.id, optionId })
            .execute();
        }
        return { roundId: round.id, created: true };
      });
    } catch (error) {
      // Two submissions raced past the check: the primary key refused the second.
      if (isUniqueViolation(error)) {
        const receipt = await this.changes.tx.run(receiptOf);
        if (receipt) return answerFor(receipt);
      }
      throw error;
    }
  }

  /** What a ballot is checked against. A round's definition never changes after creation, so it is kept. */
  private async roundDefinition(assemblyId: string, roundId: string): Promise<VotingRoundEntity> {
    const cached = this.definitions.get(roundId);
    if (cached) {
      if (cached.assemblyId !== assemblyId) throw notFound('The voting round');
      return cached;
    }
    const round = await this.changes.tx.run((m) => m.getRepository(VotingRoundEntity).findOne({ where: { id: roundId } }));
    if (!round || round.assemblyId !== assemblyId) throw notFound('The voting round');
    if (this.definitions.size >= 1000) this.definitions.clear();
    this.definitions.set(round.id, round);
    return round;
  }
}
