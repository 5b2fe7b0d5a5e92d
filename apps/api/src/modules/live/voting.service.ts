import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AssemblyEventType,
  ErrorCode,
  VotingRoundStatus,
  checkRoundTranslations,
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
import { BallotReceipt, RoundTally, VotingRoundEntity } from './entities/live.entities';
import { problemDetails, validateBallot } from './ballot-validation';
import { BallotWriter } from './ballot-writer';
import { CheckInCardsService } from './check-in/check-in-cards.service';
import { LiveChanges, participantOf, type LiveActor } from './live-changes';
import { LiveMapper } from './live.mapper';

/**
 * Voting rounds: prepared, opened, closed, published; hall counts; ballots. What a type allows and
 * how a ballot counts comes from the voting model in libs/shared (voting/).
 */
@Injectable()
export class VotingService {
  private readonly definitions = new Map<string, Promise<VotingRoundEntity | null>>();

  constructor(
    private readonly changes: LiveChanges,
    private readonly map: LiveMapper,
    private readonly writer: BallotWriter,
    private readonly cards: CheckInCardsService,
  ) {}

  private async round(m: EntityManager, assemblyId: string, roundId: string): Promise<VotingRoundEntity> {
    const round = await m.getRepository(VotingRoundEntity).findOne({ where: { id: roundId, assemblyId } });
    if (!round) throw notFound('The voting round');
    return round;
  }

  async createRound(actor: LiveActor, input: CreateRoundPayload): Promise<LiveRound> {
    const { options, parameters, problems } = defineRound(input.type, input);
    // Translations entered with the round are checked against its options (an original without problems first).
    const { translations, problems: untranslatable } = problems.length
      ? { translations: {}, problems: [] }
      : checkRoundTranslations({ type: input.type, options }, input.translations ?? []);
    if (problems.length || untranslatable.length)
      throw new DomainError(
        ErrorCode.UnprocessableEntity,
        'Please check the voting round.',
        problemDetails([...problems, ...untranslatable]),
      );
    return this.changes.change(actor, 'not-closed', async (m, assembly) => {
      const itemId = input.agendaItemId === undefined ? assembly.currentItemId : input.agendaItemId;
      if (itemId) await this.changes.item(m, assembly.id, itemId);
      const round = await this.insertRound(m, actor, {
        assemblyId: assembly.id,
        agendaItemId: itemId ?? null,
        question: input.question,
        type: input.type,
        options,
        translations: Object.keys(translations).length ? translations : null,
        maxChoices: parameters.maxChoices,
        points: parameters.points,
        budgetCents: parameters.budgetCents,
        secret: input.secret,
        requireCheckIn: input.requireCheckIn ?? assembly.requireCheckIn,
        status: VotingRoundStatus.Draft,
      });
      return this.map.round(round, this.map.emptyResult(round), true);
    });
  }

  /** A new round with its zero tallies, recorded in the event log (opened too when it starts open). */
  private async insertRound(m: EntityManager, actor: LiveActor, values: Partial<VotingRoundEntity>): Promise<VotingRoundEntity> {
    const rounds = m.getRepository(VotingRoundEntity);
    const round = await rounds.save(rounds.create(values));
    await m.getRepository(RoundTally).insert(round.options.map((o) => ({ roundId: round.id, optionId: o.id, online: 0, hall: 0 })));
    await this.changes.record(m, actor, AssemblyEventType.RoundCreated, this.map.roundEvent(round));
    if (round.status === VotingRoundStatus.Open)
      await this.changes.record(m, actor, AssemblyEventType.RoundOpened, this.map.roundEvent(round));
    return round;
  }

  /**
   * The console's one action on a vote item: creates the round from the item's prepared vote (checked
   * again by the voting model) and opens it, in one transaction. 409 while a round is open.
   */
  async startPrepared(actor: LiveActor, agendaItemId: string): Promise<LiveRound> {
    return this.changes.change(actor, 'live', async (m, assembly) => {
      const item = await this.changes.item(m, assembly.id, agendaItemId);
      const vote = item.preparedVote;
      if (!vote)
        throw new DomainError(ErrorCode.UnprocessableEntity, 'This agenda item has no prepared vote; prepare it in the agenda first.', [
          { field: 'agendaItemId', messages: ['the agenda item has no prepared vote'] },
        ]);
      const open = await m.getRepository(VotingRoundEntity).findOne({
        where: { assemblyId: assembly.id, status: VotingRoundStatus.Open },
        select: { id: true, agendaItemId: true },
      });
      if (open)
        throw new DomainError(
          ErrorCode.RoundStateInvalid,
          open.agendaItemId === item.id
            ? 'The vote of this agenda item is already open; close it before starting it again.'
            : 'Another voting round is open; close it first.',
        );
      const { options, parameters, problems } = defineRound(vote.type, vote);
      if (problems.length)
        throw new DomainError(ErrorCode.UnprocessableEntity, 'Please check the prepared vote in the agenda.', problemDetails(problems));
      const round = await this.insertRound(m, actor, {
        assemblyId: assembly.id,
        agendaItemId: item.id,
        question: vote.question,
        type: vote.type,
        options,
        maxChoices: parameters.maxChoices,
        points: parameters.points,
        secret: vote.secret,
        requireCheckIn: vote.requireCheckIn,
        status: VotingRoundStatus.Open,
        openedAt: new Date(),
      });
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
   * A ballot: checked here (round, choices, eligibility), then stored by the group commit of
   * BallotWriter: the receipt (its primary key refuses a second), the open ballot (open rounds only)
   * and the tally increments, answered after COMMIT. A secret round stores nothing that links the
   * person to the content. A retry with the same idempotency key gets the first answer.
   */
  async castBallot(actor: LiveActor, input: CastBallotPayload): Promise<CastBallotResult> {
    const participant = participantOf(actor);
    const round = await this.roundDefinition(actor.assemblyId, input.roundId);
    const choices = validateBallot(round, input);
    // Binding rounds: one ballot per check-in card, read now (a card moves or is revoked at any time);
    // the receipts' unique (round, card) refuses a card's second ballot from any device.
    const card = round.requireCheckIn ? await this.cards.heldBy(participant.id) : null;
    if (round.requireCheckIn && !card) {
      // A retry of a counted ballot gets its first answer, also after the card was revoked or moved on.
      const counted = await this.changes.tx.run((m) =>
        m.getRepository(BallotReceipt).findOne({
          where: { roundId: round.id, participantId: participant.id },
          select: { roundId: true, participantId: true, idempotencyKey: true },
        }),
      );
      if (counted?.idempotencyKey === input.idempotencyKey) return { roundId: round.id, created: false };
      if (counted) throw new DomainError(ErrorCode.AlreadyVoted, 'You have already voted in this round.');
      throw new DomainError(
        ErrorCode.CheckInRequired,
        'This vote is binding: only holders of a check-in card can vote. Scan your card or ask at the entrance for one.',
      );
    }
    return this.writer.write({
      assemblyId: actor.assemblyId,
      round,
      receipt: {
        roundId: round.id,
        participantId: participant.id,
        idempotencyKey: input.idempotencyKey,
        checkInCardId: card?.personCardId ?? null,
      },
      choices,
    });
  }

  /**
   * What a ballot is checked against. A round's definition never changes after creation, so it is
   * kept; the ballots of a burst that arrive before it is known share one read.
   */
  private async roundDefinition(assemblyId: string, roundId: string): Promise<VotingRoundEntity> {
    let definition = this.definitions.get(roundId);
    if (!definition) {
      definition = this.changes.tx.run((m) => m.getRepository(VotingRoundEntity).findOne({ where: { id: roundId } }));
      if (this.definitions.size >= 1000) this.definitions.clear();
      this.definitions.set(roundId, definition);
      const forget = () => this.definitions.get(roundId) === definition && this.definitions.delete(roundId);
      definition.then((round) => round || forget(), forget);
    }
    const round = await definition;
    if (!round || round.assemblyId !== assemblyId) throw notFound('The voting round');
    return round;
  }
}
