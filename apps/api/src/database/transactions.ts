import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work in a database transaction, safely under concurrency on both databases.
 *
 * PostgreSQL: a pooled connection per transaction. SQLite: TypeORM shares ONE connection there, so
 * two overlapping `dataSource.transaction()` calls would nest as savepoints of each other and
 * commit or roll back each other's work. Here they queue instead: one transaction at a time, which
 * is what SQLite does with writers anyway.
 */
@Injectable()
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();
  readonly isPostgres: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.isPostgres = dataSource.options.type === 'postgres';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.isPostgres) return this.dataSource.transaction(work);
    const result = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
  }
}

@Global()
@Module({ providers: [TransactionRunner], exports: [TransactionRunner] })
export class TransactionModule {}
