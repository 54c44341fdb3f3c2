import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { http } from '../testing/http-client.js';
import { makeTempDir, newRequestId } from '../testing/start-test-hub.js';
import { expectGapFreeStream, TestSocket } from '../testing/socket-client.js';
import { killAllSpawnedHubs, provisionTokens, spawnHub } from '../testing/spawn-hub.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const FLOOD_SCRIPT = 'apps/hub/src/realtime/state-request-flood.ts';
/** Bounded: the machine running the tests is shared. */
const FLOOD_SECONDS = 12;
const FLOODERS = 4;
/** Without the limits the hub stops answering at all: a request this slow counts as stalled. */
const ANSWER_TIMEOUT_MS = 10_000;
const BASELINE_SECONDS = 4;

/** The hub's own resident memory (it runs as a child process), in MB. */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

const percentile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

interface FloodTotals {
  connections: number;
  refused: number;
  requests: number;
  bytesReceived: number;
  closedByHub: number;
  rateLimitedNotices: number;
}

/** The flood in its own process, so its own work does not slow the measurements here. */
function runFlood(url: string): Promise<FloodTotals> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FLOOD_SCRIPT, url, String(FLOODERS), String(FLOOD_SECONDS)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    // A lower priority: on a center's LAN the flooding phones are other machines, not
    // the hub's own cores; here they would otherwise take CPU the hub needs.
    if (child.pid !== undefined) setPriority(child.pid, 10);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), (FLOOD_SECONDS + 30) * 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`flood exited ${code}: ${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as FloodTotals);
    });
  });
}

describe('a flood of state:request from public sockets', () => {
  const dataDir = makeTempDir('flood');
  afterAll(async () => {
    await killAllSpawnedHubs();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`${FLOODERS} sockets sending flat out for ${FLOOD_SECONDS} s: health p95 under 300 ms (plus the machine's own), RSS grows by less than 250 MB, screens and kiosks keep working`, { timeout: 120_000 }, async () => {
    const [kiosk] = provisionTokens(dataDir, 'kiosk', 1);
    const hub = await spawnHub({ dataDir });
    const pid = hub.child.pid!;
    // A board connected before the flood, as the hall TV would be.
    const board = await TestSocket.connect(hub.url);
    for (let i = 0; i < 5; i++) await http(hub.url, 'GET', '/api/health');
    const rssBefore = rssMb(pid);
    // The same probe without a flood first: what this (shared, maybe busy) machine adds by itself.
    const baseline: number[] = [];
    const baselineStarted = performance.now();
    while (performance.now() - baselineStarted < BASELINE_SECONDS * 1000) {
      const t0 = performance.now();
      await http(hub.url, 'GET', '/api/health', { timeoutMs: ANSWER_TIMEOUT_MS });
      baseline.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const flood = runFlood(hub.url);
    const started = performance.now();
    const health: number[] = [];
    const tickets: number[] = [];
    let rssMax = rssBefore;
    let nextTicketAt = started;
    let lateBoard: Promise<TestSocket> | null = null;
    let healthFailures = 0;
    let ticketFailures = 0;
    while (performance.now() - started < FLOOD_SECONDS * 1000) {
      const t0 = performance.now();
      // A stalled hub shows as a slow answer (up to the timeout), not as a thrown test.
      const reply = await http(hub.url, 'GET', '/api/health', { timeoutMs: ANSWER_TIMEOUT_MS }).catch(() => null);
      health.push(performance.now() - t0);
      if (reply?.status !== 200) healthFailures += 1;
      rssMax = Math.max(rssMax, rssMb(pid));
      if (performance.now() >= nextTicketAt) {
        nextTicketAt += 1_000;
        const t1 = performance.now();
        const issued = await http(hub.url, 'POST', '/api/tickets', { token: kiosk, json: { serviceId: 'cong-an-xnc', requestId: newRequestId('flood') }, timeoutMs: ANSWER_TIMEOUT_MS }).catch(() => null);
        tickets.push(performance.now() - t1);
        if (issued?.status !== 201) ticketFailures += 1;
      }
      // Half-way: a screen that connects now still gets its snapshot.
      if (!lateBoard && performance.now() - started > (FLOOD_SECONDS * 1000) / 2) {
        lateBoard = TestSocket.connect(hub.url);
        // Awaited after the figures are checked; a hub that stalled fails on those first.
        lateBoard.catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const totals = await flood;
    const rssAfter = rssMb(pid);

    const p95 = percentile(health, 0.95);
    const baselineP95 = percentile(baseline, 0.95);
    console.log(
      `without flood: health n=${baseline.length} p95=${baselineP95.toFixed(0)} ms; ` +
        `flood: ${totals.requests} requests written on ${totals.connections} connections (${totals.closedByHub} closed by the hub, ` +
        `${totals.rateLimitedNotices} told why), ${(totals.bytesReceived / 1e6).toFixed(1)} MB received; ` +
        `health n=${health.length} p50=${percentile(health, 0.5).toFixed(0)} p95=${p95.toFixed(0)} max=${percentile(health, 1).toFixed(0)} ms; ` +
        `tickets n=${tickets.length} max=${percentile(tickets, 1).toFixed(0)} ms; RSS ${rssBefore.toFixed(0)} -> max ${rssMax.toFixed(0)}, after ${rssAfter.toFixed(0)} MB`,
    );
    // The flood really ran (not refused or stopped early on the client side).
    expect(totals.requests).toBeGreaterThan(10_000);
    // The target is 300 ms on the hub's own machine; here other work shares the
    // cores, so what the machine showed without a flood is allowed on top.
    expect(p95).toBeLessThan(300 + baselineP95);
    expect(rssMax - rssBefore).toBeLessThan(250);
    expect(rssAfter - rssBefore).toBeLessThan(250);
    expect({ healthFailures, ticketFailures }).toEqual({ healthFailures: 0, ticketFailures: 0 });
    // The boards' own requests are answered, and they saw every ticket issued during
    // the flood, in order, without a gap and without being told off.
    const late = await lateBoard!;
    const boardState = await board.sync();
    const lateState = await late.sync();
    expect(boardState.seq).toBe(lateState.seq);
    expectGapFreeStream(board.events);
    expect(board.since(0, 'queue:changed').length).toBeGreaterThanOrEqual(tickets.length);
    expect(board.socket.connected && late.socket.connected).toBe(true);
    board.close();
    late.close();
  });
});
