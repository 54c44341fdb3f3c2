import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { useImmediateTransactions } from '../store/immediate-transactions.js';
import { ReportEngine } from './report-engine.js';
import type { ReportAnswer, ReportJob } from './report-jobs.js';

/**
 * The report worker thread: its own read connection to the hub database (WAL lets it
 * read while the hub writes) and the only writer of report rollups. Jobs run one at a
 * time in arrival order.
 */
const { file } = workerData as { file: string };

/**
 * On a 2-core box a busy report thread still takes CPU from the hub's thread. This
 * thread alone gets a lower scheduling priority (Linux: a nice value applies per
 * thread, found through /proc/thread-self), so issuing keeps precedence and reports
 * use what is left. Elsewhere the worker runs at normal priority.
 */
const REPORT_WORKER_NICE = 10;
try {
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, REPORT_WORKER_NICE);
} catch {
  // No /proc (not Linux) or not permitted: normal priority.
}
const db = useImmediateTransactions(new Database(file, { fileMustExist: true }));
db.pragma('busy_timeout = 5000');
const engine = new ReportEngine(db);

function run(job: ReportJob): unknown {
  if (job.kind === 'report') return engine.report(job.request);
  return engine.fillFinishedDays(job.from, job.to, job.timeZone);
}

parentPort!.on('message', (job: ReportJob) => {
  let answer: ReportAnswer;
  try {
    answer = { id: job.id, ok: true, value: run(job) };
  } catch (error) {
    answer = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
