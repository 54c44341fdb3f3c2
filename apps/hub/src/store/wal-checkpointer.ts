import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** SQLite's own default: the committing connection copies the WAL back once it holds this many pages. */
export const INLINE_AUTOCHECKPOINT_PAGES = 1000;

/**
 * With the background checkpointer running, the committing connection only steps in
 * when the WAL has grown this far (16 MB of 4 KB pages) — a backstop for a worker that
 * cannot keep up or has died, never the normal path.
 */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 4000;

export interface WalCheckpointerOptions {
  /** How often the worker copies committed pages back into the database file. */
  intervalMs?: number;
  /**
   * The worker starts once the WAL file has reached this size (checked every
   * `watchMs`): a hub that writes little never needs it, and a test hub does not pay
   * for a thread it would not use.
   */
  startAtWalBytes?: number;
  watchMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** The worker's program (tests give one that fails); default: the checkpoint loop below. */
  workerSource?: string;
  /**
   * After the worker stopped (a full disk, a disk error), it is started again this much
   * later, twice as late after each further stop (up to an hour): once space is back the
   * checkpoints leave the committing connection again without a hub restart.
   */
  retryAfterMs?: number;
}

/** The longest wait before the worker is tried again after repeated stops. */
const MAX_RETRY_AFTER_MS = 3_600_000;

/** Checkpoints failing this many times in a row (a disk error, a full disk) end the worker: SQLite checkpoints inline again. */
export const MAX_CONSECUTIVE_FAILURES = 5;

export interface CheckpointStats {
  /** `inline`: SQLite checkpoints on the committing connection (before the worker starts, or after it failed). */
  mode: 'inline' | 'worker';
  /** Checkpoints the worker ran that copied at least one page. */
  runs: number;
  /** WAL frames the worker copied into the database file. */
  framesCopied: number;
}

interface WorkerReport {
  kind: 'checkpointed' | 'failed';
  frames?: number;
  message?: string;
}

/*
 * The worker thread's whole program. It is plain JavaScript evaluated from this string
 * rather than a module file: a worker thread does not inherit tsx's loader, and loading
 * it there costs about a second of CPU per start, which every test hub would pay. It
 * opens its own connection (WAL lets a second connection checkpoint while the hub's
 * connection keeps committing) and runs PASSIVE checkpoints, which never wait for or
 * block the writer.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqliteModule);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = FULL');
let copied = -1;
const timer = setInterval(() => {
  try {
    const row = db.pragma('wal_checkpoint(PASSIVE)')[0];
    // 'checkpointed' counts the WAL's frames now in the database file; it starts again at 0 when the WAL restarts.
    const frames = copied < 0 || row.checkpointed < copied ? row.checkpointed : row.checkpointed - copied;
    copied = row.checkpointed;
    if (frames > 0) parentPort.postMessage({ kind: 'checkpointed', frames });
  } catch (error) {
    parentPort.postMessage({ kind: 'failed', message: String(error && error.message || error) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * Moves WAL checkpoints off the hub's event loop. By default SQLite checkpoints on the
 * connection that commits, every ~1000 pages: that write-back and its fsync of the
 * database file then stall whichever batch of tickets happens to be committing (tens
 * of ms on a slow disk, the worst tail of issue latency). A worker thread with its
 * own connection does the copying instead, on the other core, while the hub's
 * connection keeps only a far-off backstop.
 *
 * Durability does not change: a commit is durable once its WAL frames are synced
 * (synchronous=FULL); a checkpoint only moves already-durable pages.
 */
export class WalCheckpointer {
  private worker: Worker | null = null;
  private watcher: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs: number;
  private closed = false;
  private readonly counters: CheckpointStats = { mode: 'inline', runs: 0, framesCopied: 0 };
  private readonly log: (message: string, error?: unknown) => void;

  constructor(
    private readonly db: Database.Database,
    private readonly options: WalCheckpointerOptions = {},
  ) {
    this.log = options.log ?? (() => {});
    this.retryDelayMs = options.retryAfterMs ?? 60_000;
    db.pragma(`wal_autocheckpoint = ${INLINE_AUTOCHECKPOINT_PAGES}`);
    if (db.memory) return;
    const startAt = options.startAtWalBytes ?? 1 << 20;
    if (startAt <= 0) {
      this.start();
      return;
    }
    const watcher = setInterval(() => {
      if (walBytes(db.name) < startAt) return;
      clearInterval(watcher);
      this.start();
    }, options.watchMs ?? 1_000);
    watcher.unref();
    this.watcher = watcher;
  }

  stats(): CheckpointStats {
    return { ...this.counters };
  }

  /** Stops the worker (the hub's connection checkpoints on close, as SQLite always does). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.watcher) clearInterval(this.watcher);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop');
    // A worker stuck in a slow fsync gets a second; then it is terminated (its connection
    // only ever copies committed pages, so stopping it half-way loses nothing).
    const timeout = setTimeout(() => void worker.terminate(), 1_000);
    await exited;
    clearTimeout(timeout);
  }

  private start(): void {
    if (this.closed || this.worker) return;
    let worker: Worker;
    try {
      const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(this.options.workerSource ?? WORKER_SOURCE, { eval: true, workerData: { file: this.db.name, intervalMs: this.options.intervalMs ?? 200, sqliteModule } });
    } catch (error) {
      this.log('the WAL checkpoint worker could not start; SQLite keeps checkpointing inline', error);
      return;
    }
    worker.unref();
    let failures = 0;
    worker.on('message', (report: WorkerReport) => {
      if (report.kind === 'checkpointed') {
        failures = 0;
        this.retryDelayMs = this.options.retryAfterMs ?? 60_000;
        this.counters.runs += 1;
        this.counters.framesCopied += report.frames ?? 0;
        return;
      }
      failures += 1;
      // One line per streak, not one every 200 ms.
      if (failures === 1) this.log(`background WAL checkpoint failed: ${report.message ?? 'unknown error'}`);
      if (failures === MAX_CONSECUTIVE_FAILURES) void worker.terminate();
    });
    const fallBack = (error: unknown) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.counters.mode = 'inline';
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${INLINE_AUTOCHECKPOINT_PAGES}`);
      if (this.closed) return;
      const delay = this.retryDelayMs;
      this.retryDelayMs = Math.min(delay * 2, MAX_RETRY_AFTER_MS);
      this.log(`the WAL checkpoint worker stopped; SQLite checkpoints inline again (the worker is tried again in ${Math.round(delay / 1000)} s)`, error);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.start();
      }, delay);
      this.retryTimer.unref();
    };
    worker.on('error', fallBack);
    worker.on('exit', (code) => fallBack(new Error(`exit code ${code}`)));
    this.worker = worker;
    this.counters.mode = 'worker';
    this.db.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  }
}

function walBytes(dbFile: string): number {
  try {
    return statSync(`${dbFile}-wal`).size;
  } catch {
    return 0;
  }
}
