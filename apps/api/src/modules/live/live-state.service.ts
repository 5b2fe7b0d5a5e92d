import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  AssemblyEventType,
  LiveProposalStatus,
  Presence,
  SpeakerStatus,
  VotingRoundStatus,
  type LiveMe,
  type LiveRound,
  type LiveSpeaker,
  type LiveState,
  type ModeratorState,
  type RoundResult,
} from '@app/shared';
import { readResult } from '@app/shared/voting/reading';
import { notFound } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transactions';
import { AgendaItemEntity, Assembly } from '../assemblies/entities/assembly.entity';
import {
  BallotReceipt,
  LiveProposalEntity,
  LiveProposalSupport,
  RoundTally,
  SpeakerRequest,
  VotingRoundEntity,
} from './entities/live.entities';
import { AssemblyEvent } from '../assemblies/entities/assembly-event.entity';
import { Participant } from './entities/participant.entity';
import { checkInCounts } from './check-in/check-in-counts';
import { LiveMapper } from './live.mapper';

/** The moments that decide what the hall screen shows: the latest one wins. */
const SCREEN_MOMENTS: string[] = [
  AssemblyEventType.ItemStarted,
  AssemblyEventType.SpeakerStarted,
  AssemblyEventType.RoundClosed,
  AssemblyEventType.RoundPublished,
  AssemblyEventType.RoundShown,
];

/** Everything the room and its moderators see, built together from one read of the database. */
export interface BuiltState {
  version: number;
  state: LiveState;
  /** Without `attendance.connected` (filled in by the gateway, which knows the sockets). */
  moderator: ModeratorState;
}

/**
 * Builds the live state from the database (never from a process's memory), so every API process
 * and every reconnecting client sees the same. The version is read first: the data can only be
 * newer than the version it is sent with, never older.
 */
@Injectable()
export class LiveStateService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly map: LiveMapper,
  ) {}

  /** Raises the assembly's state version; call inside the transaction of every change. */
  async bump(manager: EntityManager, assemblyId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Assembly)
      .set({ stateVersion: () => '"stateVersion" + 1' })
      .where('id = :id', { id: assemblyId })
      .execute();
  }

  /*
   * Reads go through the TransactionRunner too: on SQLite's one shared connection a plain read
   * could otherwise see a transaction's uncommitted (and maybe rolled back) changes.
   */
  async version(assemblyId: string): Promise<number | null> {
    const row = await this.tx.run((m) =>
      m.getRepository(Assembly).findOne({ where: { id: assemblyId }, select: { id: true, stateVersion: true } }),
    );
    return row ? row.stateVersion : null;
  }

  build(assemblyId: string): Promise<BuiltState> {
    return this.tx.run((m) => this.buildWith(m, assemblyId));
  }

  private async buildWith(m: EntityManager, assemblyId: string): Promise<BuiltState> {
    const assembly = await m.getRepository(Assembly).findOne({ where: { id: assemblyId } });
    if (!assembly) throw notFound('The assembly');
    // One after the other: the queries of a transaction share its connection.
    const items = await m.getRepository(AgendaItemEntity).find({ where: { assemblyId }, order: { position: 'ASC' } });
    const proposals = await m.getRepository(LiveProposalEntity).find({
      where: { assemblyId },
      relations: { participant: { user: true } },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const rounds = await m.getRepository(VotingRoundEntity).find({ where: { assemblyId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const speakers = await m.getRepository(SpeakerRequest).find({
      where: { assemblyId, status: In([SpeakerStatus.Waiting, SpeakerStatus.Speaking]) },
      relations: { participant: { user: true } },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
    const attendanceRows = await m
      .getRepository(Participant)
      .createQueryBuilder('p')
      .select('p.presence', 'presence')
      .addSelect('p.checkedIn', 'checkedIn')
      .addSelect('COUNT(*)', 'n')
      .where('p.assemblyId = :assemblyId', { assemblyId })
      .groupBy('p.presence')
      .addGroupBy('p.checkedIn')
      .getRawMany<{ presence: Presence; checkedIn: boolean | number; n: string | number }>();
    const moment = await m.getRepository(AssemblyEvent).findOne({
      where: { assemblyId, type: In(SCREEN_MOMENTS) },
      select: { id: true, type: true, data: true },
      order: { createdAt: 'DESC' },
    });
    const results = await this.results(
      m,
      rounds.map((r) => r.id),
      rounds,
    );
    // A secret round shows even its moderators only the number of ballots while it is open: a live
    // tally that moves as one known person taps "vote" would tell how that person voted.
    const liveRounds = rounds.map((r) =>
      this.map.round(r, results.get(r.id) ?? this.map.emptyResult(r), !(r.secret && r.status === VotingRoundStatus.Open)),
    );
    const forEveryone = (r: LiveRound): LiveRound => (r.status === VotingRoundStatus.Published ? r : { ...r, results: null });

    const open = [...liveRounds].reverse().find((r) => r.status === VotingRoundStatus.Open);
    const latestDone = rounds
      .filter((r) => r.status === VotingRoundStatus.Closed || r.status === VotingRoundStatus.Published)
      .sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0))[0];
    const current = open ?? (latestDone ? liveRounds.find((r) => r.id === latestDone.id) : undefined);
    // An open round stays on the hall screen; a result only until the next item or speaker starts.
    const momentRound = moment && moment.type !== AssemblyEventType.ItemStarted && moment.type !== AssemblyEventType.SpeakerStarted;
    const onScreen = open ?? (momentRound ? liveRounds.find((r) => r.id === moment.data.roundId) : undefined);

    let hall = 0;
    let online = 0;
    let checkedIn = 0;
    for (const row of attendanceRows) {
      const n = Number(row.n);
      if (row.presence === Presence.Hall) hall += n;
      else online += n;
      if (row.checkedIn === true || Number(row.checkedIn) === 1) checkedIn += n;
    }
    const toSpeaker = (s: SpeakerRequest): LiveSpeaker => this.map.speaker(s);
    const speaking = speakers.find((s) => s.status === SpeakerStatus.Speaking);
    const liveProposals = proposals.map((p) => this.map.proposal(p));
    const byStatus = (status: LiveProposalStatus) => liveProposals.filter((p) => p.status === status);

    const state: LiveState = {
      assemblyId,
      version: assembly.stateVersion,
      title: assembly.title,
      status: assembly.status,
      joinCode: assembly.joinCode,
      agenda: items.map((i) => this.map.item(i)),
      currentItemId: assembly.currentItemId,
      intakeOpen: assembly.intakeOpen,
      proposals: byStatus(LiveProposalStatus.Approved).sort(
        (a, b) => b.supportCount - a.supportCount || a.createdAt.localeCompare(b.createdAt),
      ),
      round: current ? forEveryone(current) : null,
      publishedRounds: liveRounds.filter((r) => r.status === VotingRoundStatus.Published),
      onScreenRoundId: onScreen && onScreen.status !== VotingRoundStatus.Draft ? onScreen.id : null,
      speakers: {
        current: speaking ? toSpeaker(speaking) : null,
        queue: speakers.filter((s) => s.status === SpeakerStatus.Waiting).map(toSpeaker),
        defaultTimeLimitSeconds: assembly.speakingTimeSeconds,
      },
      attendance: { hall, online, total: hall + online },
      projectorLanguage: assembly.projectorLanguage,
      serverTime: new Date().toISOString(),
    };
    const moderator: ModeratorState = {
      assemblyId,
      version: assembly.stateVersion,
      pendingProposals: byStatus(LiveProposalStatus.Pending),
      rejectedProposals: byStatus(LiveProposalStatus.Rejected),
      rounds: [...liveRounds].reverse(),
      requireCheckInByDefault: assembly.requireCheckIn,
      preparedVotes: items.flatMap((i) => (i.preparedVote ? [{ agendaItemId: i.id, vote: i.preparedVote }] : [])),
      attendance: { hall, online, total: hall + online, checkedIn, connected: 0 },
      checkIn: await checkInCounts(m, assemblyId),
    };
    return { version: assembly.stateVersion, state, moderator };
  }

  /** The connected person's own part. */
  async me(assemblyId: string, participant: Participant | null, isModerator: boolean): Promise<LiveMe> {
    if (!participant) return { participant: null, isModerator, supportedProposalIds: [], votedRoundIds: [], speakerRequestId: null };
    return this.tx.run((m) => this.meWith(m, assemblyId, participant, isModerator));
  }

  private async meWith(m: EntityManager, assemblyId: string, known: Participant, isModerator: boolean): Promise<LiveMe> {
    // Read again: a check-in over REST may have changed the participant since the connection began.
    const participant = (await m.getRepository(Participant).findOne({ where: { id: known.id }, relations: { user: true } })) ?? known;
    const supports = await m
      .getRepository(LiveProposalSupport)
      .createQueryBuilder('s')
      .innerJoin(LiveProposalEntity, 'p', 'p.id = s.liveProposalId')
      .select('s.liveProposalId', 'id')
      .where('s.participantId = :pid AND p.assemblyId = :assemblyId', { pid: participant.id, assemblyId })
      .getRawMany<{ id: string }>();
    const receipts = await m
      .getRepository(BallotReceipt)
      .createQueryBuilder('b')
      .innerJoin(VotingRoundEntity, 'r', 'r.id = b.roundId')
      .select('b.roundId', 'id')
      .where('b.participantId = :pid AND r.assemblyId = :assemblyId', { pid: participant.id, assemblyId })
      .getRawMany<{ id: string }>();
    const speaker = await m.getRepository(SpeakerRequest).findOne({
      where: { assemblyId, participantId: participant.id, status: In([SpeakerStatus.Waiting, SpeakerStatus.Speaking]) },
    });
    return {
      participant: this.map.self(participant),
      isModerator,
      supportedProposalIds: supports.map((s) => s.id),
      votedRoundIds: receipts.map((r) => r.id),
      speakerRequestId: speaker?.id ?? null,
    };
  }

  /** The results of rounds from the sum-only tallies and the count of receipts. */
  async results(manager: EntityManager, roundIds: string[], rounds?: VotingRoundEntity[]): Promise<Map<string, RoundResult>> {
    const out = new Map<string, RoundResult>();
    if (!roundIds.length) return out;
    const entities = rounds ?? (await manager.getRepository(VotingRoundEntity).find({ where: { id: In(roundIds) } }));
    const tallies = await manager.getRepository(RoundTally).find({ where: { roundId: In(roundIds) } });
    const counts = await manager
      .getRepository(BallotReceipt)
      .createQueryBuilder('b')
      .select('b.roundId', 'roundId')
      .addSelect('COUNT(*)', 'n')
      .where('b.roundId IN (:...roundIds)', { roundIds })
      .groupBy('b.roundId')
      .getRawMany<{ roundId: string; n: string | number }>();
    for (const r of entities) {
      const { options, budget } = readResult(
        r,
        tallies.filter((t) => t.roundId === r.id),
      );
      out.set(r.id, {
        ...this.map.emptyResult(r),
        options,
        ...(budget ? { budget } : {}),
        ballots: Number(counts.find((c) => c.roundId === r.id)?.n ?? 0),
      });
    }
    return out;
  }

  async result(manager: EntityManager, round: VotingRoundEntity): Promise<RoundResult> {
    return (await this.results(manager, [round.id], [round])).get(round.id) ?? this.map.emptyResult(round);
  }
}
