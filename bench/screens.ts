/**
 * Screen benchmarks (kiosk and hall board in headless Chromium against a real hub) and
 * the kiosk's ticket byte building. The measuring code lives with each app's e2e
 * support; this file runs it and checks the targets of the kiosk and counter-display issues.
 */
import { runBoardBench } from '../apps/counter-display/e2e/board-bench.js';
import { runKioskBench } from '../apps/kiosk/e2e/kiosk-bench.js';
import { encodeEscPos, layoutTicket, type TextMode } from '../apps/kiosk/src/printer/index.js';
import { SEED_TICKET } from '../apps/kiosk/src/test/printable-ticket-fixture.js';
import type { Report } from './lib/report.js';
import { percentile } from './lib/stats.js';

export async function runKioskBenchmark(report: Report): Promise<void> {
  report.section('kiosk', 'tap → number on screen and first paint (headless Chromium, real hub)');
  const result = await runKioskBench();
  report.info('kiosk tap → number p50', result.tapToNumberMs.p50, 'ms');
  report.check('kiosk tap → number p95', result.tapToNumberMs.p95, 'ms', { atMost: 300 });
  report.check('kiosk first paint (median, cold cache)', result.firstPaintMs, 'ms', { atMost: 1000 });
  report.info('kiosk home screen usable (median)', result.readyMs, 'ms');

  report.section('ticket', 'ticket bytes built (layout + ESC/POS encoding, 80 mm)');
  for (const textMode of ['cp1258', 'ascii', 'raster'] as TextMode[]) {
    const samples: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      encodeEscPos(layoutTicket(SEED_TICKET, '80mm'), { paper: '80mm', textMode });
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    report.check(`ticket bytes built, ${textMode}, p95`, Math.round(percentile(samples, 95) * 100) / 100, 'ms', { atMost: 50 });
  }
}

export async function runBoardBenchmark(report: Report): Promise<void> {
  report.section('board', 'clerk click → number rendered on a board, 50 boards connected');
  const result = await runBoardBench();
  report.info('board latency p50', result.p50Ms, 'ms');
  report.check('board click → number p95 (50 boards)', result.p95Ms, 'ms', { atMost: 150 });
}
