import { AsyncLocalStorage } from 'node:async_hooks';
import sqlite3 from 'sqlite3';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { SqliteQueryRunner } from 'typeorm/driver/sqlite/SqliteQueryRunner.js';
import type { SqliteDriver } from 'typeorm/driver/sqlite/SqliteDriver.js';

/**
 * One unit of work at a time on SQLite's single connection.
 *
 * TypeORM's SQLite driver hands every caller the same query runner on the same connection, so
 * while one request's transaction is open, another request's plain statement (or its own
 * transaction, as a savepoint) runs inside it: a rollback undoes other people's acknowledged
 * writes, a commit publishes their half-done ones, and the savepoint numbering gets mixed up
 * ("no such savepoint"). Here every caller gets its own runner, and the runners take turns: a
 * transaction holds the connection from BEGIN to COMMIT/ROLLBACK, a statement outside a
 * transaction holds it for that statement. SQLite lets one writer at a time write anyway, so this
 * costs no throughput; it only moves the waiting from inside SQLite to a FIFO queue in Node.
 *
 * Code that runs inside a transaction and reaches for the data source instead of the transaction's
 * manager (an injected repository, a nested `transaction()`) joins the transaction of its async
 * context instead of waiting for it, which would wait forever.
 */

/** How long a unit of work may wait for the connection before it gives up with a clear error. */
const LOCK_WAIT_MS = 30_000;

export class DatabaseBusyError extends Error {
  constructor() {
    super(`The database was busy for more than ${LOCK_WAIT_MS / 1000} s.`);
    this.name = 'DatabaseBusyError';
  }
}

/** A FIFO mutex: `acquire` resolves with the function that hands the connection to the next in line. */
class ConnectionTurns {
  private holder = false;
  private readonly waiting: Array<{ grant: () => void; timer: NodeJS.Timeout }> = [];

  acquire(): Promise<() => void> {
    if (!this.holder) {
      this.holder = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(entry.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(new DatabaseBusyError());
        }, LOCK_WAIT_MS),
      };
      this.waiting.push(entry);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.grant();
      else this.holder = false;
    };
  }
}

class UnitOfWorkQueryRunner extends SqliteQueryRunner {
  private releaseTurn: (() => void) | null = null;

  constructor(
    driver: SqliteDriver,
    private readonly turns: ConnectionTurns,
  ) {
    super(driver);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the signature TypeORM declares
  override async query(query: string, parameters?: unknown[], useStructuredResult = false): Promise<any> {
    if (this.releaseTurn) return super.query(query, parameters, useStructuredResult);
    const release = await this.turns.acquire();
    try {
      return await super.query(query, parameters, useStructuredResult);
    } finally {
      release();
    }
  }

  override async startTransaction(isolationLevel?: Parameters<SqliteQueryRunner['startTransaction']>[0]): Promise<void> {
    if (!this.releaseTurn) this.releaseTurn = await this.turns.acquire();
    try {
      await super.startTransaction(isolationLevel);
    } catch (error) {
      if (!this.isTransactionActive) this.endTurn();
      throw error;
    }
  }

  override async commitTransaction(): Promise<void> {
    try {
      await super.commitTransaction();
    } finally {
      if (!this.isTransactionActive) this.endTurn();
    }
  }

  override async rollbackTransaction(): Promise<void> {
    try {
      await super.rollbackTransaction();
    } catch (error) {
      // SQLite ends a transaction by itself after some errors; then ROLLBACK fails, and the
      // connection is no longer in a transaction. Never hand it on while it might still be.
      if (this.transactionDepth <= 1) {
        await super.query('ROLLBACK').catch(() => undefined);
        this.isTransactionActive = false;
        this.transactionDepth = 0;
      }
      throw error;
    } finally {
      if (!this.isTransactionActive) this.endTurn();
    }
  }

  override async release(): Promise<void> {
    if (this.isTransactionActive) {
      this.transactionDepth = Math.min(this.transactionDepth, 1);
      await this.rollbackTransaction().catch(() => undefined);
    }
    this.endTurn();
    return super.release();
  }

  private endTurn(): void {
    const release = this.releaseTurn;
    this.releaseTurn = null;
    release?.();
  }
}

/** The transaction runner of the current async context, if it is inside one. */
const currentUnit = new AsyncLocalStorage<QueryRunner>();

/** A view on the context's open runner for code that joins it: it must not end the owner's transaction. */
function joined(owner: QueryRunner): QueryRunner {
  return new Proxy(owner, {
    get(target, property) {
      if (property === 'release') return () => Promise.resolve();
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    // DataSource.createQueryRunner assigns a fresh manager to every runner it hands out; the owner keeps its own.
    set: (target, property, value) => property === 'manager' || Reflect.set(target, property, value),
  });
}

/**
 * sqlite3 without `verbose()`: TypeORM switches verbose mode on, which builds an Error with a stack
 * trace for every statement. Kept off outside tests so that a hot path pays nothing for it.
 */
export const quietSqlite3: Record<string, unknown> = { ...sqlite3, verbose: () => quietSqlite3 };

/** Makes every unit of work on a SQLite data source isolated from every other one (see above). */
export function isolateSqliteUnitsOfWork(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'sqlite') return dataSource;
  const driver = dataSource.driver as SqliteDriver;
  const turns = new ConnectionTurns();
  driver.createQueryRunner = () => {
    const owner = currentUnit.getStore();
    if (owner?.isTransactionActive) return joined(owner);
    return new UnitOfWorkQueryRunner(driver, turns);
  };
  const manager: EntityManager = dataSource.manager;
  manager.transaction = ((...args: unknown[]) => {
    const owner = currentUnit.getStore();
    if (owner?.isTransactionActive) return (owner.manager.transaction as (...a: unknown[]) => Promise<unknown>)(...args);
    const runner = dataSource.createQueryRunner();
    return currentUnit
      .run(runner, () => (runner.manager.transaction as (...a: unknown[]) => Promise<unknown>)(...args))
      .finally(() => runner.release());
  }) as EntityManager['transaction'];
  return dataSource;
}
