import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssemblyStatus, ErrorCode, VotingRoundStatus, type CastBallotResult } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { Assembly } from '../assemblies/entities/assembly.entity';
import { BallotReceipt, OpenBallot, RoundTally, VotingRoundEntity } from './entities/live.entities';
import { closed, LiveChanges, notLive } from './live-changes';

/**
 * At most this many ballots go into one transaction. Batches of a round are written one after the
 * other (the assembly-row lock), so each batch's round trips and COMMIT are paid in sequence: a
 * 1,000-ballot burst on two PostgreSQL processes took 11 batches with 100 and ~5 with 250, and
 * reached 54-73 % of the bare server's ballots/s in the medians instead of 34-41 %
 * (BENCHMARKS.md). 250 receipts are 1,000 bound parameters, far below SQLite's and PostgreSQL's
 * limits.
 */
export const BALLOT_BATCH_MAX = 250;
/** How long the first ballot of a batch waits for company when no batch of its round is being written. */
export const BALLOT_COLLECT_MS = 2;

/** The receipt's row: its key (round, participant), the idempotency key, and whatever else a receipt carries. */
export type ReceiptValues = Pick<BallotReceipt, 'roundId' | 'participantId' | 'idempotencyKey'> &
  Partial<Record<Exclude<keyof BallotReceipt, 'round' | 'participant' | 'createdAt'>, unknown>>;

/** A checked ballot (eligible, valid for its round), ready to be stored. */
export interface BallotToWrite {
  assemblyId: string;
  round: Pick<VotingRoundEntity, 'id' | 'secret'>;
  receipt: ReceiptValues;
  /** Option id → votes. */
  choices: Record<string, number>;
}

interface Waiting {
  ballot: BallotToWrite;
  resolve: (result: CastBallotResult) => void;
  reject: (error: unknown) => void;
}

interface RoundQueue {
  waiting: Waiting[];
  timer: NodeJS.Timeout | null;
  writing: boolean;
}

const alreadyVoted = () => new DomainError(ErrorCode.AlreadyVoted, 'You have already voted in this round.');

/**
 * Group commit for ballots. Ballots of a round that arrive while its previous batch is being written
 * (or within a few milliseconds of each other) are written together in ONE transaction: the lock on
 * the assembly row with one version bump (it orders the batch against closing the round), one
 * status check, one multi-row receipt insert whose conflicts answer retries and second ballots, the
 * open ballots of a named round, and one counter update per option. Every ballot is answered only
 * after COMMIT, so an acknowledgement always means "stored"; a batch that fails stores nothing and
 * refuses each of its ballots with that error.
 *
 * Secret rounds: receipts only (who voted, never what), inserted in the order of participant ids
 * with one timestamp per batch, so neither their order nor their time tells which ballot was whose.
 */
@Injectable()
export class BallotWriter implements BeforeApplicationShutdown {
  private readonly queues = new Map<string, RoundQueue>();

  constructor(private readonly changes: LiveChanges) {}

  write(ballot: BallotToWrite): Promise<CastBallotResult> {
    return new Promise((resolve, reject) => {
      let queue = this.queues.get(ballot.round.id);
      if (!queue) {
        queue = { waiting: [], timer: null, writing: false };
        this.queues.set(ballot.round.id, queue);
      }
      queue.waiting.push({ ballot, resolve, reject });
      this.schedule(ballot.round.id, queue);
    });
  }

  /** On shutdown: every ballot already taken is written (and answered) before the database goes away. */
  async beforeApplicationShutdown(): Promise<void> {
    while (this.queues.size) {
      await Promise.all(
        [...this.queues.entries()].map(([roundId, queue]) => (queue.writing ? this.settled(queue) : this.flush(roundId, queue))),
      );
    }
  }

  private settled(queue: RoundQueue): Promise<void> {
    return new Promise((resolve) => {
      const poll = () => (queue.writing ? setTimeout(poll, 1) : resolve());
      poll();
    });
  }

  private schedule(roundId: string, queue: RoundQueue): void {
    if (queue.writing) return; // the batch being written takes the next ones along when it ends
    if (queue.waiting.length >= BALLOT_BATCH_MAX) {
      void this.flush(roundId, queue);
      return;
    }
    queue.timer ??= setTimeout(() => void this.flush(roundId, queue), BALLOT_COLLECT_MS);
  }

  private async flush(roundId: string, queue: RoundQueue): Promise<void> {
    if (queue.timer) clearTimeout(queue.timer);
    queue.timer = null;
    if (queue.writing || !queue.waiting.length) return;
    const batch = queue.waiting.splice(0, BALLOT_BATCH_MAX);
    queue.writing = true;
    try {
      const answers = await this.changes.tx.run((m) => this.writeBatch(m, batch));
      answers.forEach((answer, i) => (answer instanceof Error ? batch[i].reject(answer) : batch[i].resolve(answer)));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      queue.writing = false;
      // Group commit: whatever arrived during this write is the next batch, at once.
      if (queue.waiting.length) void this.flush(roundId, queue);
      else if (this.queues.get(roundId) === queue) this.queues.delete(roundId);
    }
  }

  /** One batch of one round in the caller's transaction; returns each ballot's answer (or its refusal). */
  private async writeBatch(m: EntityManager, batch: Waiting[]): Promise<Array<CastBallotResult | DomainError>> {
    const { assemblyId, round } = batch[0].ballot;
    // The lock on the assembly row first (closing a round takes it too), then the status after it.
    await this.changes.state.bump(m, assemblyId);
    const refusal = await this.statusRefusal(m, assemblyId, round.id);

    // One ballot per participant goes to the insert; the others are answered like retries after it.
    const firsts = new Map<string, BallotToWrite>();
    for (const { ballot } of batch) if (!firsts.has(ballot.receipt.participantId)) firsts.set(ballot.receipt.participantId, ballot);
    const candidates = refusal ? [] : [...firsts.values()].sort((a, b) => compare(a.receipt.participantId, b.receipt.participantId));
    const inserted = await this.insertReceipts(
      m,
      candidates.map((b) => b.receipt),
    );
    const created = candidates.filter((b) => inserted.has(b.receipt.participantId));

    // The stored receipts of the others in the batch: an earlier ballot of theirs, or none (refused).
    const others = [...firsts.keys()].filter((id) => !inserted.has(id));
    const receipts = new Map<string, string>();
    if (others.length) {
      const rows = await m
        .getRepository(BallotReceipt)
        .createQueryBuilder('b')
        .select('b.participantId', 'participantId')
        .addSelect('b.idempotencyKey', 'idempotencyKey')
        .where('b.roundId = :roundId AND b.participantId IN (:...ids)', { roundId: round.id, ids: others })
        .getRawMany<{ participantId: string; idempotencyKey: string }>();
      for (const row of rows) receipts.set(row.participantId, row.idempotencyKey);
    }

    if (created.length && !round.secret)
      await m
        .createQueryBuilder()
        .insert()
        .into(OpenBallot)
        .values(created.map((b) => ({ roundId: round.id, participantId: b.receipt.participantId, choices: b.choices })))
        .updateEntity(false)
        .execute();
    await this.count(m, round.id, created);

    return batch.map(({ ballot }) => {
      const { participantId, idempotencyKey } = ballot.receipt;
      if (inserted.has(participantId) && firsts.get(participantId) === ballot) return { roundId: round.id, created: true };
      const stored = inserted.has(participantId) ? firsts.get(participantId)!.receipt.idempotencyKey : receipts.get(participantId);
      // A retry of a stored ballot gets its first answer, even after the round closed.
      if (stored !== undefined) return stored === idempotencyKey ? { roundId: round.id, created: false } : alreadyVoted();
      // Refused by the round's state, or by another unique rule of the receipts (e.g. one ballot per check-in card).
      return refusal ?? alreadyVoted();
    });
  }

  private async statusRefusal(m: EntityManager, assemblyId: string, roundId: string): Promise<DomainError | null> {
    const [now] = await m
      .createQueryBuilder()
      .select('a.status', 'assemblyStatus')
      .addSelect('r.status', 'roundStatus')
      .from(Assembly, 'a')
      .innerJoin(VotingRoundEntity, 'r', 'r.id = :roundId', { roundId })
      .where('a.id = :assemblyId', { assemblyId })
      .getRawMany<{ assemblyStatus: AssemblyStatus; roundStatus: VotingRoundStatus }>();
    if (now?.assemblyStatus === AssemblyStatus.Closed) return closed();
    if (now?.assemblyStatus !== AssemblyStatus.Live) return notLive();
    if (now.roundStatus === VotingRoundStatus.Draft)
      return new DomainError(ErrorCode.RoundNotOpen, 'This voting round has not been opened yet.');
    if (now.roundStatus !== VotingRoundStatus.Open)
      return new DomainError(ErrorCode.RoundClosed, 'This voting round is closed; no more ballots are accepted.');
    return null;
  }

  /**
   * One multi-row INSERT … ON CONFLICT DO NOTHING RETURNING (SQLite ≥ 3.35 and PostgreSQL): a row that
   * breaks any unique rule of the receipts is skipped without failing the others. Returns the
   * participants whose receipt was inserted. Every field the receipt values carry is written.
   */
  private async insertReceipts(m: EntityManager, receipts: ReceiptValues[]): Promise<Set<string>> {
    if (!receipts.length) return new Set();
    const metadata = m.connection.getMetadata(BallotReceipt);
    const driver = m.connection.driver;
    const postgres = m.connection.options.type === 'postgres';
    const properties = [...new Set(receipts.flatMap((r) => Object.keys(r)))].sort();
    const columns = properties.map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`ballot_receipts has no column for ${property}`);
      return column;
    });
    const parameters: unknown[] = [];
    const rows = receipts.map((receipt) => {
      const cells = columns.map((column) => {
        parameters.push(driver.preparePersistentValue((receipt as Record<string, unknown>)[column.propertyName] ?? null, column));
        return postgres ? `$${parameters.length}` : '?';
      });
      return `(${cells.join(', ')})`;
    });
    // Lower case on purpose: TypeORM's SQLite runner returns no rows for statements starting with "INSERT ".
    const sql =
      `insert into ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) ` +
      `values ${rows.join(', ')} on conflict do nothing returning ${driver.escape('participantId')}`;
    const returned = (await m.query(sql, parameters)) as Array<{ participantId: string }>;
    return new Set(returned.map((r) => r.participantId));
  }

  /** The counters: one update per option, in a fixed order, with the sum of the batch's ballots. */
  private async count(m: EntityManager, roundId: string, created: BallotToWrite[]): Promise<void> {
    const sums = new Map<string, number>();
    for (const { choices } of created)
      for (const [optionId, votes] of Object.entries(choices)) sums.set(optionId, (sums.get(optionId) ?? 0) + Number(votes));
    for (const optionId of [...sums.keys()].sort(compare)) {
      const votes = sums.get(optionId)!;
      if (!votes) continue;
      await m
        .createQueryBuilder()
        .update(RoundTally)
        .set({ online: () => `"online" + ${votes}` })
        .where('"roundId" = :roundId AND "optionId" = :optionId', { roundId, optionId })
        .execute();
    }
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
