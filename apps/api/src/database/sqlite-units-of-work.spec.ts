import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source-options';
import { DatabaseBusyError, quietSqlite3 } from './sqlite-units-of-work';
import { databaseErrorBody } from '../common/errors/all-exceptions.filter';

/**
 * The embedded database shares one connection between all requests. These tests run what
 * concurrent requests do (transactions that fail, plain statements, nested work) against a real
 * SQLite file and check that no unit of work sees, commits or undoes another one's statements.
 */
describe('SQLite units of work', () => {
  let dir: string;
  let ds: DataSource;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'units-of-work-'));
    ds = createDataSource({ type: 'sqlite', driver: quietSqlite3, database: join(dir, 'db.sqlite'), enableWAL: true, busyTimeout: 5000 });
    await ds.initialize();
    await ds.query('CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE)');
  });

  afterEach(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const labels = async () => ((await ds.query('SELECT label FROM items ORDER BY label')) as { label: string }[]).map((r) => r.label);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 2));

  it('keeps plain writes that arrive while another request’s transaction rolls back', async () => {
    const failing = ds.transaction(async (m) => {
      await m.query("INSERT INTO items (label) VALUES ('rolled-back')");
      await pause();
      await pause();
      throw new Error('round closed');
    });
    const plain = Array.from({ length: 20 }, async (_, i) => {
      await pause();
      await ds.query('INSERT INTO items (label) VALUES (?)', [`plain-${String(i).padStart(2, '0')}`]);
    });
    await expect(failing).rejects.toThrow('round closed');
    await Promise.all(plain);
    expect(await labels()).toEqual(Array.from({ length: 20 }, (_, i) => `plain-${String(i).padStart(2, '0')}`));
  });

  it('runs overlapping transactions one after another: each commits or rolls back only its own statements', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        ds.transaction(async (m) => {
          await m.query('INSERT INTO items (label) VALUES (?)', [`t-${i}`]);
          await pause();
          // Every third one fails after its insert, like a ballot into a round that just closed.
          if (i % 3 === 0) throw new Error(`refused ${i}`);
          await m.query('INSERT INTO items (label) VALUES (?)', [`t-${i}-second`]);
        }),
      ),
    );
    const expected = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [`t-${i}`, `t-${i}-second`] : [])).sort();
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(10);
    expect(await labels()).toEqual(expected);
  });

  it('lets work inside a transaction that reaches for the data source join that transaction instead of waiting for it', async () => {
    await expect(
      ds.transaction(async (m) => {
        await m.query("INSERT INTO items (label) VALUES ('outer')");
        await ds.query("INSERT INTO items (label) VALUES ('joined')");
        await ds.transaction((inner) => inner.query("INSERT INTO items (label) VALUES ('nested')"));
        throw new Error('undo all three');
      }),
    ).rejects.toThrow('undo all three');
    expect(await labels()).toEqual([]);
    await ds.transaction(async () => {
      await ds.manager.transaction((inner) => inner.query("INSERT INTO items (label) VALUES ('nested-kept')"));
    });
    expect(await labels()).toEqual(['nested-kept']);
  });

  it('hands the connection on after a failed statement, a failed commit or a runner released mid-transaction', async () => {
    await expect(ds.transaction((m) => m.query("INSERT INTO items (label) VALUES ('x'), ('x')"))).rejects.toThrow(/UNIQUE/);
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    await runner.query("INSERT INTO items (label) VALUES ('abandoned')");
    const waiting = ds.query("INSERT INTO items (label) VALUES ('after')");
    await runner.release();
    await waiting;
    expect(await labels()).toEqual(['after']);
  });

  it('gives up with a busy error (503, BUSY) after waiting 30 s for a connection another unit of work keeps, and leaves the others intact', async () => {
    let finish!: () => void;
    let begun!: () => void;
    const started = new Promise<void>((resolve) => (begun = resolve));
    const holder = ds.transaction(async (m) => {
      await m.query("INSERT INTO items (label) VALUES ('held')");
      begun();
      await new Promise<void>((resolve) => (finish = resolve));
    });
    await started;
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const waiting = ds.query("INSERT INTO items (label) VALUES ('waiting')");
      let settled = false;
      const outcome = waiting.then(
        () => null,
        (error: unknown) => error,
      );
      void outcome.then(() => (settled = true));
      await jest.advanceTimersByTimeAsync(29_000);
      expect(settled).toBe(false);
      jest.advanceTimersByTime(1_001);
      const error = await outcome;
      expect(error).toBeInstanceOf(DatabaseBusyError);
      expect(databaseErrorBody(error)).toMatchObject({ statusCode: 503, code: 'BUSY', error: 'Service Unavailable' });
    } finally {
      jest.useRealTimers();
    }
    finish();
    await holder;
    await ds.query("INSERT INTO items (label) VALUES ('after')");
    expect(await labels()).toEqual(['after', 'held']);
  });

  it('reads only committed data from outside a transaction', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tx = ds.transaction(async (m) => {
      await m.query("INSERT INTO items (label) VALUES ('uncommitted')");
      await held;
      throw new Error('rolled back');
    });
    await pause();
    const read = labels();
    release();
    await expect(tx).rejects.toThrow('rolled back');
    expect(await read).toEqual([]);
  });
});
