/**
 * `pnpm bench [issue|fanout|growth|kiosk|board|reports|estimate|central ...]`: runs the benchmarks (all of them when no
 * name is given), prints one RESULT line per measurement with PASS/FAIL against its
 * target, a summary, and saves the numbers under /tmp/layso-bench/results/.
 * All traffic stays on 127.0.0.1; the hub under test runs in its own process.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { runCentralBenchmark } from './central.js';
import { runEstimateBenchmark } from './estimate.js';
import { runFanoutBenchmark } from './fanout.js';
import { runGrowthBenchmark } from './growth.js';
import { runIssueBenchmark } from './issue-throughput.js';
import { runReportsBenchmark } from './reports.js';
import { runBoardBenchmark, runKioskBenchmark } from './screens.js';
import { BENCH_DIR, REPO_ROOT } from './lib/paths.js';
import { Report } from './lib/report.js';

const BENCHMARKS = {
  issue: runIssueBenchmark,
  fanout: runFanoutBenchmark,
  growth: runGrowthBenchmark,
  kiosk: runKioskBenchmark,
  board: runBoardBenchmark,
  reports: runReportsBenchmark,
  estimate: runEstimateBenchmark,
  central: runCentralBenchmark,
} as const;
type BenchName = keyof typeof BENCHMARKS;

function isBenchName(name: string): name is BenchName {
  return Object.hasOwn(BENCHMARKS, name);
}

const requested = process.argv.slice(2).filter((a) => a !== '--');
const unknown = requested.filter((name) => !isBenchName(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (choose from ${Object.keys(BENCHMARKS).join(', ')})`);
  process.exit(2);
}
const selected = (requested.length > 0 ? requested : Object.keys(BENCHMARKS)) as BenchName[];

/** Which hub code was measured: HEAD plus uncommitted changes under apps/hub and packages/shared. */
function codeVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'apps/hub', 'packages/shared').split('\n').filter(Boolean).length;
    return `${git('rev-parse', '--short', 'HEAD')}${dirty > 0 ? ` + ${dirty} uncommitted change(s) in apps/hub, packages/shared` : ''}`;
  } catch {
    return 'unknown (no git)';
  }
}

const report = new Report();
const version = codeVersion();
const started = Date.now();
console.log(`layso hub benchmarks: ${selected.join(', ')}`);
console.log(`  node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, data under ${BENCH_DIR}`);
console.log(`  code ${version}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start`);

for (const name of selected) {
  const t0 = Date.now();
  try {
    await BENCHMARKS[name](report);
  } catch (error) {
    console.error(error);
    report.fail(`${name} benchmark`, `crashed: ${(error as Error).message.split('\n')[0]}`);
  }
  console.log(`  (${name} took ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

report.printSummary();
console.log(`  load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
const file = report.save({ date: new Date().toISOString(), code: version, node: process.version, cpus: cpus().length, benchmarks: selected, seconds: (Date.now() - started) / 1000 });
console.log(`  total ${((Date.now() - started) / 1000).toFixed(0)} s; numbers saved to ${file}`);
process.exitCode = report.failed > 0 ? 1 : 0;
