import { copyFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { closeAfterTest, makeTempDir } from '../testing/temp-store.js';
import { openDatabase } from './open-database.js';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, INLINE_AUTOCHECKPOINT_PAGES, WalCheckpointer } from './wal-checkpointer.js';

/** A WAL database with a table of padded rows: each commit appends a page or two to the WAL. */
function openWritable(): { db: Database.Database; file: string; write(rows: number): void } {
  const file = join(makeTempDir(), 'hub.db');
  const db = closeAfterTest(openDatabase(file, { migrations: false }));
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  const commitOne = db.transaction((i: number) => insert.run(`row ${i} ${'x'.repeat(1500)}`));
  let written = 0;
  return {
    db,
    file,
    write(rows) {
      for (let i = 0; i < rows; i++) commitOne(written++);
    },
  };
}

function checkpointer(db: Database.Database, options: ConstructorParameters<typeof WalCheckpointer>[1]): WalCheckpointer {
  const log: string[] = [];
  const instance = new WalCheckpointer(db, { log: (message) => log.push(message), ...options });
  onTestFinished(() => instance.close());
  return instance;
}

/** Rows readable from the database file alone, as if the WAL were lost: what checkpoints have copied. */
function rowsInMainFile(file: string): number {
  const copy = `${file}.main-only`;
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const autocheckpoint = (db: Database.Database) => db.pragma('wal_autocheckpoint', { simple: true });

describe('WalCheckpointer', () => {
  it('copies committed pages into the database file from its worker while the hub connection no longer checkpoints', async () => {
    const { db, file, write } = openWritable();
    const walCheckpoints = checkpointer(db, { startAtWalBytes: 0, intervalMs: 20 });
    expect(walCheckpoints.stats().mode).toBe('worker');
    expect(autocheckpoint(db)).toBe(BACKSTOP_AUTOCHECKPOINT_PAGES);

    // 600 commits of ~1 page: fewer pages than the backstop, so only the worker can have copied them.
    write(600);
    await vi.waitFor(
      () => {
        expect(rowsInMainFile(file)).toBe(600);
        // The worker's report of that checkpoint reaches this thread a moment later.
        expect(walCheckpoints.stats().runs).toBeGreaterThan(0);
        expect(walCheckpoints.stats().framesCopied).toBeGreaterThanOrEqual(600);
      },
      { timeout: 15_000, interval: 50 },
    );
    // The hub's own connection reads everything, as before.
    expect((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(600);
  });

  it('starts its worker only once the WAL has grown past the threshold', async () => {
    const { db, file, write } = openWritable();
    const walCheckpoints = checkpointer(db, { startAtWalBytes: 512 * 1024, watchMs: 20, intervalMs: 20 });
    write(5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(walCheckpoints.stats().mode).toBe('inline');
    expect(autocheckpoint(db)).toBe(INLINE_AUTOCHECKPOINT_PAGES);

    write(300); // ~300 pages of 4 KB: past 512 KB
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(512 * 1024);
    await vi.waitFor(() => expect(walCheckpoints.stats().mode).toBe('worker'), { timeout: 10_000, interval: 20 });
    expect(autocheckpoint(db)).toBe(BACKSTOP_AUTOCHECKPOINT_PAGES);
    await vi.waitFor(() => expect(rowsInMainFile(file)).toBe(305), { timeout: 15_000, interval: 50 });
  });

  it('falls back to inline checkpoints, logged, when the worker cannot open the database', async () => {
    const { db, file, write } = openWritable();
    // The hub's connection keeps its open file; the worker, opening by name, finds nothing.
    renameSync(file, `${file}.moved`);
    const log: string[] = [];
    const walCheckpoints = new WalCheckpointer(db, { startAtWalBytes: 0, intervalMs: 20, log: (message) => log.push(message) });
    onTestFinished(() => walCheckpoints.close());
    await vi.waitFor(() => expect(walCheckpoints.stats().mode).toBe('inline'), { timeout: 10_000, interval: 20 });
    expect(autocheckpoint(db)).toBe(INLINE_AUTOCHECKPOINT_PAGES);
    expect(log.join('\n')).toMatch(/checkpoint worker stopped; SQLite checkpoints inline again/);
    // Writing still works on the hub's connection.
    write(3);
    expect((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(3);
  });

  it('gives up on a worker whose checkpoints keep failing: one log line, then inline checkpoints again', async () => {
    const { db } = openWritable();
    // A stand-in worker whose every checkpoint fails, as on a disk error.
    const failing = `const { parentPort } = require('node:worker_threads');
      setInterval(() => parentPort.postMessage({ kind: 'failed', message: 'disk I/O error' }), 10);`;
    const log: string[] = [];
    const walCheckpoints = new WalCheckpointer(db, { startAtWalBytes: 0, workerSource: failing, log: (message) => log.push(message) });
    onTestFinished(() => walCheckpoints.close());
    expect(walCheckpoints.stats().mode).toBe('worker');
    await vi.waitFor(() => expect(walCheckpoints.stats().mode).toBe('inline'), { timeout: 10_000, interval: 20 });
    expect(autocheckpoint(db)).toBe(INLINE_AUTOCHECKPOINT_PAGES);
    expect(log.filter((line) => line.includes('disk I/O error'))).toHaveLength(1);
    expect(log.join('\n')).toMatch(/checkpoint worker stopped; SQLite checkpoints inline again/);
  });

  it('closes its worker and leaves the connection usable and closable', async () => {
    const { db, write } = openWritable();
    const walCheckpoints = new WalCheckpointer(db, { startAtWalBytes: 0, intervalMs: 20 });
    write(10);
    await walCheckpoints.close();
    await walCheckpoints.close(); // twice is harmless
    write(1);
    db.close();
    expect(db.open).toBe(false);
  });
});
