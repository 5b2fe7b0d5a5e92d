import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { STORED_COUNTERS, type StoredCounter } from './counters';

export interface CounterRepair {
  counter: string;
  id: string;
  stored: number;
  actual: number;
}

interface TallyRow {
  roundId: string;
  optionId: string;
  online: number;
}

/**
 * At every start: finds stored counts that differ from the rows they count and sets them right,
 * logging each repair. Named (open) rounds are checked too: their tallies must equal the sum of
 * their stored ballots. Secret rounds keep no ballot contents by design, so nothing can be
 * recounted there; their ballot and tally change in one transaction, which is the guarantee.
 *
 * Several processes may run it at once on PostgreSQL: each repair locks the row and counts in the
 * same statement, so it can never write an older count over a newer one.
 */
@Injectable()
export class ConsistencyCheckService implements OnApplicationBootstrap {
  private readonly logger = new Logger('ConsistencyCheck');

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const repairs = await this.run();
    if (!repairs.length) return;
    for (const r of repairs) this.logger.warn(`Repaired ${r.counter} of ${r.id}: stored ${r.stored}, counted ${r.actual}.`);
    this.logger.warn(`Consistency check repaired ${repairs.length} stored count(s).`);
  }

  async run(): Promise<CounterRepair[]> {
    const repairs: CounterRepair[] = [];
    for (const counter of STORED_COUNTERS) repairs.push(...(await this.repairCounter(counter)));
    repairs.push(...(await this.repairOpenTallies()));
    return repairs;
  }

  private get postgres(): boolean {
    return this.ds.options.type === 'postgres';
  }

  private async repairCounter({ table, column, rows }: StoredCounter): Promise<CounterRepair[]> {
    const drift = await this.ds.query<{ id: string; stored: number | string; actual: number | string }[]>(
      `SELECT t."id" AS "id", t."${column}" AS "stored", (${rows}) AS "actual" FROM "${table}" t WHERE t."${column}" <> (${rows})`,
    );
    const repairs: CounterRepair[] = [];
    for (const row of drift) {
      const actual = await this.ds.transaction(async (m) => {
        const lock = this.postgres ? ' FOR UPDATE' : '';
        await m.query(`SELECT "id" FROM "${table}" WHERE "id" = ${this.param(1)}${lock}`, [row.id]);
        await m.query(`UPDATE "${table}" AS t SET "${column}" = (${rows}) WHERE t."id" = ${this.param(1)}`, [row.id]);
        const [fresh] = await m.query<{ actual: number | string }[]>(
          `SELECT "${column}" AS "actual" FROM "${table}" WHERE "id" = ${this.param(1)}`,
          [row.id],
        );
        return Number(fresh.actual);
      });
      repairs.push({ counter: `${table}.${column}`, id: row.id, stored: Number(row.stored), actual });
    }
    return repairs;
  }

  private async repairOpenTallies(): Promise<CounterRepair[]> {
    const sums = await this.openTallySums();
    const tallies = await this.ds.query<TallyRow[]>(
      `SELECT t."roundId", t."optionId", t."online" FROM "round_tallies" t INNER JOIN "voting_rounds" r ON r."id" = t."roundId" ` +
        `WHERE r."secret" = ${this.postgres ? 'false' : '0'}`,
    );
    const drifted = new Set(
      tallies.filter((t) => Number(t.online) !== (sums.get(`${t.roundId}/${t.optionId}`) ?? 0)).map((t) => t.roundId),
    );
    const repairs: CounterRepair[] = [];
    for (const roundId of drifted) {
      await this.ds.transaction(async (m) => {
        // Tallies locked first, ballots read after: a ballot committed before the lock is counted, a later one adds itself.
        const tallies = await m.query<TallyRow[]>(
          `SELECT "roundId", "optionId", "online" FROM "round_tallies" WHERE "roundId" = ${this.param(1)}${this.postgres ? ' FOR UPDATE' : ''}`,
          [roundId],
        );
        const expected = await this.openTallySums(m, roundId);
        for (const tally of tallies) {
          const actual = expected.get(`${roundId}/${tally.optionId}`) ?? 0;
          if (Number(tally.online) === actual) continue;
          await m.query(
            `UPDATE "round_tallies" SET "online" = ${this.param(1)} WHERE "roundId" = ${this.param(2)} AND "optionId" = ${this.param(3)}`,
            [actual, roundId, tally.optionId],
          );
          repairs.push({ counter: 'round_tallies.online', id: `${roundId}/${tally.optionId}`, stored: Number(tally.online), actual });
        }
      });
    }
    return repairs;
  }

  /** Points per "round/option" summed over the stored ballots of named rounds (of one round, if given). */
  private async openTallySums(m: EntityManager = this.ds.manager, roundId?: string): Promise<Map<string, number>> {
    const ballots = await m.query<{ roundId: string; choices: string }[]>(
      `SELECT b."roundId" AS "roundId", b."choices" AS "choices" FROM "open_ballots" b ` +
        `INNER JOIN "voting_rounds" r ON r."id" = b."roundId" WHERE r."secret" = ${this.postgres ? 'false' : '0'}` +
        (roundId ? ` AND b."roundId" = ${this.param(1)}` : ''),
      roundId ? [roundId] : [],
    );
    const sums = new Map<string, number>();
    for (const ballot of ballots) {
      const choices = JSON.parse(ballot.choices) as Record<string, number>;
      for (const [optionId, points] of Object.entries(choices)) {
        const key = `${ballot.roundId}/${optionId}`;
        sums.set(key, (sums.get(key) ?? 0) + Number(points));
      }
    }
    return sums;
  }

  private param(n: number): string {
    return this.postgres ? `$${n}` : '?';
  }
}
