import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { OutboxDispatcher } from '../portal/outbox-dispatcher.js';
import { ReportEngine } from '../reports/report-engine.js';
import { ReportStore } from '../reports/report-store.js';
import { vnTime } from '../testing/fake-clock.js';
import { openTempStore } from '../testing/temp-store.js';
import { testCenter, TU_PHAP } from '../testing/test-center.js';
import { fillDisk, mountSmallDisk, type SmallDisk } from '../testing/small-disk.js';
import { openDatabase } from './open-database.js';
import { SqlitePortalOutbox } from '../portal/sqlite-portal-outbox.js';
import { StorageWatch } from './storage-watch.js';
import { WalCheckpointer } from './wal-checkpointer.js';

/*
 * The hub's background writers on a real file system that runs out of space (an
 * 8 MB tmpfs filled to the last byte): none may end the process (an unhandled
 * rejection or an uncaught error would), and each carries on once space is back.
 */

let disk: SmallDisk = { ok: false, reason: 'not mounted yet' };
beforeAll(() => {
  disk = mountSmallDisk();
});
afterAll(() => {
  if (disk.ok) disk.unmount();
});

let n = 0;
function fullDiskDatabase(path: string) {
  const db = openDatabase(join(path, `hub-${++n}.db`));
  onTestFinished(() => {
    db.close();
  });
  const filler = join(path, `filler-${n}`);
  onTestFinished(() => rmSync(filler, { force: true }));
  return { db, fill: () => fillDisk(filler), free: () => rmSync(filler) };
}

describe('background writers on a full disk', () => {
  it('the portal outbox: a delivery it cannot record is retried later, not an unhandled rejection', { timeout: 30_000 }, async (context) => {
    if (!disk.ok) return context.skip(disk.reason);
    const { db, fill, free } = fullDiskDatabase(disk.path);
    const outbox = new SqlitePortalOutbox(db);
    outbox.enqueue('ticket-status', { n: 1 }, 0);
    fill();
    const sent: unknown[] = [];
    const dispatcher = new OutboxDispatcher(outbox, () => async (_path, body) => void sent.push(body), { now: () => Date.now() });
    onTestFinished(() => dispatcher.stop());
    dispatcher.kick();
    // Sent, but "delivered" could not be saved: the message stays at the head.
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(outbox.pendingCount()).toBe(1);

    free();
    // Delivery is at least once: it goes again, and is recorded this time.
    await vi.waitFor(() => expect(outbox.pendingCount()).toBe(0), { timeout: 15_000, interval: 200 });
    expect(sent).toHaveLength(2);
  });

  it('the WAL checkpoint worker: failed checkpoints fall back to inline ones; once space is back commits work and the worker comes back', { timeout: 30_000 }, async (context) => {
    if (!disk.ok) return context.skip(disk.reason);
    const { db, fill, free } = fullDiskDatabase(disk.path);
    const storage = new StorageWatch(db);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    const commit = db.transaction((i: number) => insert.run(`row ${i} ${'x'.repeat(1500)}`));
    const log: string[] = [];
    const checkpoints = new WalCheckpointer(db, { startAtWalBytes: 0, intervalMs: 20, retryAfterMs: 200, log: (message) => log.push(message) });
    onTestFinished(() => checkpoints.close());
    expect(checkpoints.stats().mode).toBe('worker');
    // Pages in the WAL that the checkpoint must copy into a database file that has to grow.
    for (let i = 0; i < 300; i++) commit(i);
    fill();
    for (let i = 300; i < 400; i++) {
      try {
        commit(i);
      } catch {
        // Refused: the disk is full.
      }
    }
    expect(storage.status().problem).toBe('full');
    await vi.waitFor(() => expect(checkpoints.stats().mode).toBe('inline'), { timeout: 15_000 });
    expect(log.join('\n')).toMatch(/background WAL checkpoint failed: database or disk is full/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toMatchObject({ n: expect.any(Number) });

    free();
    commit(1000);
    expect(storage.status().problem).toBeNull();
    // The worker is tried again by itself and copies the pages the full disk held back.
    const runsBefore = checkpoints.stats().runs;
    await vi.waitFor(() => expect(checkpoints.stats()).toMatchObject({ mode: 'worker', runs: expect.toSatisfy((runs: number) => runs > runsBefore) }), { timeout: 15_000, interval: 50 });
  });

  it('reports: a finished day whose rollup cannot be saved is computed from its tickets instead', async (context) => {
    if (!disk.ok) return context.skip(disk.reason);
    // A served ticket on a finished day, with no rollup built yet.
    const t = openTempStore({ config: testCenter() });
    const D = '2026-11-23';
    t.clock.set(vnTime(`${D} 08:00`));
    t.core.issue({ serviceId: TU_PHAP });
    t.core.next(86, { deviceId: null });
    t.core.done(86, { deviceId: null });
    t.clock.set(vnTime('2026-11-24 08:00'));
    t.core.issue({ serviceId: TU_PHAP });
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = join(disk.path, `report-${++n}.db`);
    copyFileSync(t.file, file);
    const db = openDatabase(file, { migrations: false });
    onTestFinished(() => {
      db.close();
    });
    const filler = join(disk.path, `filler-report-${n}`);
    onTestFinished(() => rmSync(filler, { force: true }));
    fillDisk(filler);

    const report = new ReportEngine(db, () => t.clock.now()).report({ from: D, to: D, groupBy: 'service', serviceLevelMin: 15, config: t.core.config });
    expect(report.totals).toMatchObject({ issued: 1, served: 1 });
    expect(new ReportStore(db).builtDays(D, D)).toEqual(new Set());
  });
});
