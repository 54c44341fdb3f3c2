import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReportResponse } from '@layso/shared';
import type { ReportRequest } from './report-engine.js';
import type { ReportAnswer, ReportJob } from './report-jobs.js';

type JobBody = ReportJob extends infer J ? (J extends ReportJob ? Omit<J, 'id'> : never) : never;

/**
 * Where the worker's code is: report-worker.mjs next to the production bundle
 * (hub.mjs), report-worker.js next to compiled code, or the TypeScript source, which
 * the worker loads after registering tsx's loader in its own thread (development and
 * tests; `--import` flags are not honoured by worker threads).
 */
function workerEntry(): { script: URL | string; eval: boolean } | null {
  for (const name of ['./report-worker.mjs', './report-worker.js']) {
    const url = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(url))) return { script: url, eval: false };
  }
  const source = new URL('./report-worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(source))) return null;
  try {
    // The ESM build of tsx's API (a plain require.resolve would pick the CommonJS one).
    const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
    const exportsMap = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
    const tsx = pathToFileURL(join(dirname(manifest), exportsMap['./esm/api']!.import.default)).href;
    const script = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source.href)}); });`;
    return { script, eval: true };
  } catch {
    return null;
  }
}

/**
 * Runs reports in a worker thread with its own SQLite connection, so a year report
 * (or building a year of rollups) never holds up issuing tickets on the hub's thread.
 * The worker starts on the first job and is restarted after a crash.
 */
export class ReportRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private stopped = false;

  constructor(
    private readonly dbFile: string,
    private readonly log: (message: string, error?: unknown) => void = () => {},
  ) {}

  get closed(): boolean {
    return this.stopped;
  }

  report(request: ReportRequest): Promise<ReportResponse> {
    return this.send({ kind: 'report', request }) as Promise<ReportResponse>;
  }

  /** Builds missing rollups of finished days (after a day rollover, or ahead of a bench). */
  fill(from: string, to: string, timeZone: string): Promise<number> {
    return this.send({ kind: 'fill', from, to, timeZone }) as Promise<number>;
  }

  async close(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('the report worker was stopped'));
    if (worker) await worker.terminate();
  }

  private send(body: JobBody): Promise<unknown> {
    if (this.stopped) return Promise.reject(new Error('the report runner is closed'));
    let worker: Worker;
    try {
      worker = this.worker ?? this.spawn();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref(); // a job under way keeps the process alive (the CLI, the bench)
      worker.postMessage({ ...body, id } as ReportJob);
    });
  }

  private spawn(): Worker {
    const entry = workerEntry();
    if (!entry) throw new Error('the report worker code is missing (report-worker.mjs next to the hub)');
    const worker = new Worker(entry.script, { workerData: { file: this.dbFile }, eval: entry.eval });
    worker.on('message', (answer: ReportAnswer) => {
      const job = this.pending.get(answer.id);
      if (!job) return;
      this.pending.delete(answer.id);
      if (this.pending.size === 0) worker.unref();
      if (answer.ok) job.resolve(answer.value);
      else job.reject(new Error(answer.message));
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.log('the report worker stopped; it restarts with the next report', error);
      this.failAll(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`report worker exited with code ${code}`)));
    // An idle worker must not keep the process (or a test run) alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
