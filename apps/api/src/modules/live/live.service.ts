import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AssemblyEventType,
  AssemblyStatus,
  ErrorCode,
  LiveProposalStatus,
  SpeakerStatus,
  VotingRoundStatus,
  defineRound,
  type AgendaItemType,
  type CastBallotPayload,
  type CastBallotResult,
  type CreateRoundPayload,
  type FieldErrorDetail,
  type HallTallyPayload,
  type LiveProposal,
  type LiveRound,
  type LiveSpeaker,
  type RoundResult,
} from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../common/errors/all-exceptions.filter';
import { TransactionRunner } from '../../database/transactions';
import { AssemblyEventsService } from '../assemblies/assembly-events.service';
import { AssemblyAccessService } from '../assemblies/assembly-access.service';
import { AgendaItemEntity, Assembly } from '../assemblies/entities/assembly.entity';
import {
  BallotReceipt,
  LiveProposalEntity,
  LiveProposalSupport,
  OpenBallot,
  RoundTally,
  SpeakerRequest,
  VotingRoundEntity,
} from '../assemblies/entities/live.entities';
import { Participant } from '../assemblies/entities/participant.entity';
import type { User } from '../users/user.entity';
import { problemDetails, validateBallot } from './ballot-validation';
import { LiveStateService } from './live-state.service';

/** Who acts: resolved by the gateway from the handshake (session cookie and/or guest credential). */
export interface LiveActor {
  assemblyId: string;
  user: User | null;
  participant: Participant | null;
  isModerator: boolean;
}

const notLive = () => new DomainError(ErrorCode.AssemblyNotLive, 'The assembly is not running at the moment.');
const closed = () => new DomainError(ErrorCode.AssemblyClosed, 'The assembly has been closed; nothing can be changed any more.');

/**
 * The live assembly's commands. Each change is one transaction through the TransactionRunner that
 * raises the state version and records its step in the event log (the minutes are made from it).
 */
@Injectable()
export class LiveService {
  private readonly definitions = new Map<string, VotingRoundEntity>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly events: AssemblyEventsService,
    private readonly access: AssemblyAccessService,
    private readonly live: LiveStateService,
  ) {}

  // ---- helpers ----

  /** Locks the assembly row (raising its version) and returns it, read after the lock. */
  private async lockAssembly(m: EntityManager, assemblyId: string): Promise<Assembly> {
    await this.live.bump(m, assemblyId);
    const assembly = await m.getRepository(Assembly).findOne({ where: { id: assemblyId } });
    if (!assembly) throw notFound('The assembly');
    return assembly;
  }

  private assertLive(assembly: Assembly): void {
    if (assembly.status === AssemblyStatus.Closed) throw closed();
    if (assembly.status !== AssemblyStatus.Live) throw notLive();
  }

  private assertNotClosed(assembly: Assembly): void {
    if (assembly.status === AssemblyStatus.Closed) throw closed();
  }

  private participantOf(actor: LiveActor): Participant {
    if (!actor.participant || actor.participant.assemblyId !== actor.assemblyId)
      throw new DomainError(ErrorCode.NotParticipant, 'Join the assembly first (with the join code) to take part.');
    return actor.participant;
  }

  private role(actor: LiveActor) {
    return actor.user?.role ?? null;
  }

  private record(m: EntityManager, actor: LiveActor, type: AssemblyEventType, data: Record<string, unknown>) {
    return this.events.record(actor.assemblyId, type, data, this.role(actor), m);
  }

  private async item(m: EntityManager, assemblyId: string, itemId: string): Promise<AgendaItemEntity> {
    const item = await m.getRepository(AgendaItemEntity).findOne({ where: { id: itemId, assemblyId } });
    if (!item)
      throw new DomainError(ErrorCode.ReferenceInvalid, 'This agenda item does not belong to the assembly.', [
        { field: 'agendaItemId', messages: ['agendaItemId must be an agenda item of this assembly'] },
      ]);
    return item;
  }

  private async round(m: EntityManager, assemblyId: string, roundId: string): Promise<VotingRoundEntity> {
    const round = await m.getRepository(VotingRoundEntity).findOne({ where: { id: roundId, assemblyId } });
    if (!round) throw notFound('The voting round');
    return round;
  }

  private roundEventData(round: VotingRoundEntity) {
    return {
      roundId: round.id,
      agendaItemId: round.agendaItemId,
      question: round.question,
      type: round.type,
      options: round.options,
      secret: round.secret,
      maxChoices: round.maxChoices,
      points: round.points,
    };
  }

  // ---- assembly status, agenda, intake ----

  async setStatus(actor: LiveActor, status: 'live' | 'closed'): Promise<void> {
    await this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertNotClosed(assembly);
      if (status === AssemblyStatus.Live) {
        if (assembly.status === AssemblyStatus.Live) throw new DomainError(ErrorCode.Conflict, 'The assembly is already running.');
        await m.getRepository(Assembly).update({ id: assembly.id }, { status: AssemblyStatus.Live });
        await this.record(m, actor, AssemblyEventType.Opened, { title: assembly.title });
        return;
      }
      if (assembly.status !== AssemblyStatus.Live)
        throw new DomainError(ErrorCode.AssemblyNotLive, 'Only a running assembly can be closed; open it first.');
      // Whatever is still running ends with the assembly, each step in the log.
      const rounds = m.getRepository(VotingRoundEntity);
      for (const round of await rounds.find({ where: { assemblyId: assembly.id, status: VotingRoundStatus.Open } })) {
        await rounds.update({ id: round.id }, { status: VotingRoundStatus.Closed, closedAt: new Date() });
        const result = await this.live.result(m, round);
        await this.record(m, actor, AssemblyEventType.RoundClosed, { ...this.roundEventData(round), result });
      }
      await this.stopSpeaker(m, actor);
      if (assembly.intakeOpen) await this.record(m, actor, AssemblyEventType.IntakeClosed, {});
      await m.getRepository(Assembly).update({ id: assembly.id }, { status: AssemblyStatus.Closed, intakeOpen: false });
      const attendance = await this.attendance(m, assembly.id);
      await this.record(m, actor, AssemblyEventType.Closed, { title: assembly.title, attendance });
    });
  }

  private async attendance(m: EntityManager, assemblyId: string) {
    const people = await m
      .getRepository(Participant)
      .find({ where: { assemblyId }, select: { id: true, presence: true, checkedIn: true, userId: true } });
    const hall = people.filter((p) => p.presence === 'hall').length;
    return {
      hall,
      online: people.length - hall,
      total: people.length,
      checkedIn: people.filter((p) => p.checkedIn).length,
      guests: people.filter((p) => !p.userId).length,
    };
  }

  async setItem(actor: LiveActor, agendaItemId: string | null): Promise<void> {
    await this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertLive(assembly);
      const item = agendaItemId ? await this.item(m, assembly.id, agendaItemId) : null;
      await m.getRepository(Assembly).update({ id: assembly.id }, { currentItemId: item?.id ?? null });
      await this.record(m, actor, AssemblyEventType.ItemStarted, {
        itemId: item?.id ?? null,
        title: item?.title ?? null,
        position: item?.position ?? null,
        type: item?.type ?? null,
      });
    });
  }

  async addItem(actor: LiveActor, input: { title: string; type: AgendaItemType; description?: string | null }): Promise<void> {
    await this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertNotClosed(assembly);
      const items = m.getRepository(AgendaItemEntity);
      const last = await items.findOne({ where: { assemblyId: assembly.id }, order: { position: 'DESC' } });
      const item = await items.save(
        items.create({
          assemblyId: assembly.id,
          position: (last?.position ?? 0) + 1,
          title: input.title,
          type: input.type,
          description: input.description ?? null,
        }),
      );
      await this.record(m, actor, AssemblyEventType.ItemAdded, {
        itemId: item.id,
        title: item.title,
        position: item.position,
        type: item.type,
      });
    });
  }

  async setIntake(actor: LiveActor, open: boolean): Promise<void> {
    await this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertLive(assembly);
      if (assembly.intakeOpen === open) return;
      await m.getRepository(Assembly).update({ id: assembly.id }, { intakeOpen: open });
      await this.record(m, actor, open ? AssemblyEventType.IntakeOpened : AssemblyEventType.IntakeClosed, {
        agendaItemId: assembly.currentItemId,
      });
    });
  }

  // ---- proposal intake ----

  private async loadProposal(m: EntityManager, id: string): Promise<LiveProposal> {
    const p = await m.getRepository(LiveProposalEntity).findOneOrFail({ where: { id }, relations: { participant: { user: true } } });
    return this.live.toProposal(p);
  }

  async submitProposal(actor: LiveActor, input: { text: string; agendaItemId?: string | null }): Promise<LiveProposal> {
    const participant = this.participantOf(actor);
    return this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertLive(assembly);
      if (!assembly.intakeOpen) throw new DomainError(ErrorCode.IntakeClosed, 'Proposals are not being collected at the moment.');
      const itemId = input.agendaItemId === undefined ? assembly.currentItemId : input.agendaItemId;
      if (itemId) await this.item(m, assembly.id, itemId);
      const repo = m.getRepository(LiveProposalEntity);
      const saved = await repo.save(
        repo.create({
          assemblyId: assembly.id,
          agendaItemId: itemId ?? null,
          participantId: participant.id,
          text: input.text,
          status: LiveProposalStatus.Pending,
        }),
      );
      await this.record(m, actor, AssemblyEventType.ProposalSubmitted, {
        proposalId: saved.id,
        text: saved.text,
        agendaItemId: saved.agendaItemId,
        author: this.access.displayName(participant),
        onBehalf: false,
      });
      return this.loadProposal(m, saved.id);
    });
  }

  /** Paper cards typed in by a moderator: moderated by the one who enters them, so approved at once. */
  async proposalOnBehalf(actor: LiveActor, input: { text: string; sourceNote: string }): Promise<LiveProposal> {
    return this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertLive(assembly);
      const repo = m.getRepository(LiveProposalEntity);
      const saved = await repo.save(
        repo.create({
          assemblyId: assembly.id,
          agendaItemId: assembly.currentItemId,
          participantId: null,
          text: input.text,
          sourceNote: input.sourceNote,
          status: LiveProposalStatus.Approved,
        }),
      );
      await this.record(m, actor, AssemblyEventType.ProposalSubmitted, {
        proposalId: saved.id,
        text: saved.text,
        agendaItemId: saved.agendaItemId,
        author: null,
        sourceNote: saved.sourceNote,
        onBehalf: true,
      });
      await this.record(m, actor, AssemblyEventType.ProposalApproved, { proposalId: saved.id, text: saved.text });
      return this.loadProposal(m, saved.id);
    });
  }

  async moderateProposal(actor: LiveActor, proposalId: string, decision: 'approve' | 'reject'): Promise<LiveProposal> {
    return this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertNotClosed(assembly);
      const repo = m.getRepository(LiveProposalEntity);
      const proposal = await repo.findOne({ where: { id: proposalId, assemblyId: assembly.id } });
      if (!proposal) throw notFound('The proposal');
      const status = decision === 'approve' ? LiveProposalStatus.Approved : LiveProposalStatus.Rejected;
      if (proposal.status !== status) {
        await repo.update({ id: proposal.id }, { status });
        await this.record(m, actor, decision === 'approve' ? AssemblyEventType.ProposalApproved : AssemblyEventType.ProposalRejected, {
          proposalId: proposal.id,
          text: proposal.text,
        });
      }
      return this.loadProposal(m, proposal.id);
    });
  }

  async support(actor: LiveActor, proposalId: string, support: boolean): Promise<{ supportCount: number }> {
    const participant = this.participantOf(actor);
    return this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertLive(assembly);
      const repo = m.getRepository(LiveProposalEntity);
      const proposal = await repo.findOne({ where: { id: proposalId, assemblyId: assembly.id } });
      if (!proposal || proposal.status !== LiveProposalStatus.Approved) throw notFound('The proposal');
      const supports = m.getRepository(LiveProposalSupport);
      const key = { liveProposalId: proposal.id, participantId: participant.id };
      const has = await supports.findOne({ where: key });
      if (support && !has) {
        await supports.insert(key);
        await repo.increment({ id: proposal.id }, 'supportCount', 1);
      } else if (!support && has) {
        await supports.delete(key);
        await repo.decrement({ id: proposal.id }, 'supportCount', 1);
      }
      const fresh = await repo.findOneOrFail({ where: { id: proposal.id }, select: { id: true, supportCount: true } });
      return { supportCount: fresh.supportCount };
    });
  }

  // ---- voting rounds ----

  async createRound(actor: LiveActor, input: CreateRoundPayload): Promise<LiveRound> {
    const { options, parameters, problems } = defineRound(input.type, input);
    if (problems.length) throw new DomainError(ErrorCode.UnprocessableEntity, 'Please check the voting round.', problemDetails(problems));
    const { maxChoices, points } = parameters;
    return this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertNotClosed(assembly);
      const itemId = input.agendaItemId === undefined ? assembly.currentItemId : input.agendaItemId;
      if (itemId) await this.item(m, assembly.id, itemId);
      const rounds = m.getRepository(VotingRoundEntity);
      const round = await rounds.save(
        rounds.create({
          assemblyId: assembly.id,
          agendaItemId: itemId ?? null,
          question: input.question,
          type: input.type,
          options,
          maxChoices,
          points,
          secret: input.secret,
          requireCheckIn: input.requireCheckIn ?? assembly.requireCheckIn,
          status: VotingRoundStatus.Draft,
        }),
      );
      await m.getRepository(RoundTally).insert(options.map((o) => ({ roundId: round.id, optionId: o.id, online: 0, hall: 0 })));
      await this.record(m, actor, AssemblyEventType.RoundCreated, this.roundEventData(round));
      return this.live.toRound(round, this.live.emptyResult(round), true);
    });
  }

  async openRound(actor: LiveActor, roundId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertLive(assembly);
      const round = await this.round(m, assembly.id, roundId);
      if (round.status !== VotingRoundStatus.Draft)
        throw new DomainError(ErrorCode.RoundStateInvalid, 'Only a prepared round (not yet opened) can be opened.');
      const open = await m.getRepository(VotingRoundEntity).count({ where: { assemblyId: assembly.id, status: VotingRoundStatus.Open } });
      if (open) throw new DomainError(ErrorCode.RoundStateInvalid, 'Another voting round is open; close it first.');
      await m.getRepository(VotingRoundEntity).update({ id: round.id }, { status: VotingRoundStatus.Open, openedAt: new Date() });
      await this.record(m, actor, AssemblyEventType.RoundOpened, this.roundEventData(round));
    });
  }

  async closeRound(actor: LiveActor, roundId: string): Promise<RoundResult> {
    return this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertNotClosed(assembly);
      const round = await this.round(m, assembly.id, roundId);
      if (round.status !== VotingRoundStatus.Open) throw new DomainError(ErrorCode.RoundStateInvalid, 'Only an open round can be closed.');
      await m.getRepository(VotingRoundEntity).update({ id: round.id }, { status: VotingRoundStatus.Closed, closedAt: new Date() });
      const result = await this.live.result(m, round);
      await this.record(m, actor, AssemblyEventType.RoundClosed, { ...this.roundEventData(round), result });
      return result;
    });
  }

  async publishRound(actor: LiveActor, roundId: string): Promise<RoundResult> {
    return this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertNotClosed(assembly);
      const round = await this.round(m, assembly.id, roundId);
      if (round.status !== VotingRoundStatus.Closed)
        throw new DomainError(ErrorCode.RoundStateInvalid, 'Only a closed round can be published; close it first.');
      await m.getRepository(VotingRoundEntity).update({ id: round.id }, { status: VotingRoundStatus.Published, publishedAt: new Date() });
      const result = await this.live.result(m, round);
      await this.record(m, actor, AssemblyEventType.RoundPublished, { ...this.roundEventData(round), result });
      return result;
    });
  }

  async hallTally(actor: LiveActor, input: HallTallyPayload): Promise<RoundResult> {
    return this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertNotClosed(assembly);
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
      const result = await this.live.result(m, fresh);
      await this.record(m, actor, AssemblyEventType.HallTallyEntered, {
        ...this.roundEventData(round),
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
    const participant = this.participantOf(actor);
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
      return await this.tx.run(async (m) => {
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
        await this.live.bump(m, actor.assemblyId);
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
        const receipt = await this.tx.run(receiptOf);
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
    const round = await this.tx.run((m) => m.getRepository(VotingRoundEntity).findOne({ where: { id: roundId } }));
    if (!round || round.assemblyId !== assemblyId) throw notFound('The voting round');
    if (this.definitions.size >= 1000) this.definitions.clear();
    this.definitions.set(round.id, round);
    return round;
  }

  // ---- speakers ----

  private async speakerView(m: EntityManager, id: string): Promise<LiveSpeaker> {
    const s = await m.getRepository(SpeakerRequest).findOneOrFail({ where: { id }, relations: { participant: { user: true } } });
    return {
      id: s.id,
      participantId: s.participantId,
      displayName: this.access.displayName(s.participant),
      status: s.status,
      startedAt: s.startedAt?.toISOString() ?? null,
      timeLimitSeconds: s.timeLimitSeconds,
    };
  }

  async requestSpeaker(actor: LiveActor): Promise<LiveSpeaker> {
    const participant = this.participantOf(actor);
    return this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertLive(assembly);
      const repo = m.getRepository(SpeakerRequest);
      const open = await repo.findOne({
        where: [
          { assemblyId: assembly.id, participantId: participant.id, status: SpeakerStatus.Waiting },
          { assemblyId: assembly.id, participantId: participant.id, status: SpeakerStatus.Speaking },
        ],
      });
      if (open) throw new DomainError(ErrorCode.SpeakerStateInvalid, 'You are already on the list of speakers.');
      const last = await repo.findOne({ where: { assemblyId: assembly.id }, order: { position: 'DESC' } });
      const saved = await repo.save(
        repo.create({
          assemblyId: assembly.id,
          participantId: participant.id,
          status: SpeakerStatus.Waiting,
          position: (last?.position ?? 0) + 1,
        }),
      );
      return this.speakerView(m, saved.id);
    });
  }

  async withdrawSpeaker(actor: LiveActor): Promise<void> {
    const participant = this.participantOf(actor);
    await this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertLive(assembly);
      const repo = m.getRepository(SpeakerRequest);
      const waiting = await repo.findOne({
        where: { assemblyId: assembly.id, participantId: participant.id, status: SpeakerStatus.Waiting },
      });
      if (!waiting) throw new DomainError(ErrorCode.SpeakerStateInvalid, 'You are not waiting on the list of speakers.');
      await repo.update({ id: waiting.id }, { status: SpeakerStatus.Withdrawn, endedAt: new Date() });
    });
  }

  private async stopSpeaker(m: EntityManager, actor: LiveActor): Promise<boolean> {
    const repo = m.getRepository(SpeakerRequest);
    const speaking = await repo.findOne({
      where: { assemblyId: actor.assemblyId, status: SpeakerStatus.Speaking },
      relations: { participant: { user: true } },
    });
    if (!speaking) return false;
    const endedAt = new Date();
    await repo.update({ id: speaking.id }, { status: SpeakerStatus.Done, endedAt });
    await this.record(m, actor, AssemblyEventType.SpeakerStopped, {
      speakerId: speaking.id,
      participantId: speaking.participantId,
      name: this.access.displayName(speaking.participant),
      startedAt: speaking.startedAt?.toISOString() ?? null,
      endedAt: endedAt.toISOString(),
      seconds: speaking.startedAt ? Math.round((endedAt.getTime() - speaking.startedAt.getTime()) / 1000) : null,
      timeLimitSeconds: speaking.timeLimitSeconds,
    });
    return true;
  }

  async startSpeaker(actor: LiveActor, speakerId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertLive(assembly);
      const repo = m.getRepository(SpeakerRequest);
      const next = await repo.findOne({ where: { id: speakerId, assemblyId: assembly.id }, relations: { participant: { user: true } } });
      if (!next) throw notFound('The speaker request');
      if (next.status !== SpeakerStatus.Waiting)
        throw new DomainError(ErrorCode.SpeakerStateInvalid, 'This person is not waiting to speak.');
      // One speaker at a time: the current turn ends.
      await this.stopSpeaker(m, actor);
      const startedAt = new Date();
      await repo.update({ id: next.id }, { status: SpeakerStatus.Speaking, startedAt, timeLimitSeconds: assembly.speakingTimeSeconds });
      await this.record(m, actor, AssemblyEventType.SpeakerStarted, {
        speakerId: next.id,
        participantId: next.participantId,
        name: this.access.displayName(next.participant),
        startedAt: startedAt.toISOString(),
        timeLimitSeconds: assembly.speakingTimeSeconds,
        agendaItemId: assembly.currentItemId,
      });
    });
  }

  async stopCurrentSpeaker(actor: LiveActor): Promise<void> {
    await this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertLive(assembly);
      if (!(await this.stopSpeaker(m, actor))) throw new DomainError(ErrorCode.SpeakerStateInvalid, 'Nobody is speaking at the moment.');
    });
  }

  async orderSpeakers(actor: LiveActor, speakerIds: string[]): Promise<void> {
    await this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertLive(assembly);
      const repo = m.getRepository(SpeakerRequest);
      const waiting = await repo.find({ where: { assemblyId: assembly.id, status: SpeakerStatus.Waiting } });
      const ids = new Set(waiting.map((w) => w.id));
      if (speakerIds.length !== ids.size || new Set(speakerIds).size !== speakerIds.length || speakerIds.some((id) => !ids.has(id)))
        throw new DomainError(
          ErrorCode.SpeakerStateInvalid,
          'The new order must list every waiting speaker exactly once. Reload and try again.',
          [{ field: 'speakerIds', messages: ['speakerIds must contain each waiting speaker request exactly once'] }],
        );
      const last = await repo.findOne({ where: { assemblyId: assembly.id }, order: { position: 'DESC' } });
      let position = last?.position ?? 0;
      for (const id of speakerIds) await repo.update({ id }, { position: ++position });
    });
  }

  async setTimeLimit(actor: LiveActor, seconds: number | null): Promise<void> {
    await this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, actor.assemblyId);
      this.assertNotClosed(assembly);
      await m.getRepository(Assembly).update({ id: assembly.id }, { speakingTimeSeconds: seconds });
      // The current turn gets the new limit too (the moderator gives more or less time).
      await m
        .getRepository(SpeakerRequest)
        .update({ assemblyId: assembly.id, status: SpeakerStatus.Speaking }, { timeLimitSeconds: seconds });
    });
  }
}
