import { CpuWindow, describeCpu } from './lib/cpu-load.js';
import { childProcessFleet, inProcessFleet, type DisplayFleet } from './lib/display-fleet.js';
import { call, callJson, keepAliveAgent, type Target } from './lib/http-client.js';
import { spawnControlServer, spawnHub, withExitReports, type HubProcess } from './lib/hub-process.js';
import { freshDir, monoMs, sleep } from './lib/paths.js';
import type { Report } from './lib/report.js';
import { describe, summarize, type Summary } from './lib/stats.js';
import { createTokens } from './lib/tokens.js';

const CLIENTS = 500;
const CLIENT_PROCESSES = 2;
const WARMUP_CALLS = 10;
const CALLS = 200;
const PACE_MS = 50;
const EVENT_TIMEOUT_MS = 2_000;
/** Counter 86 serves "Công an tỉnh (XNC)" in the demo center (seed 001's 86001). */
const COUNTER = 86;
const SERVICE = 'cong-an-xnc';

interface CallTimes {
  fromResponse: Summary;
  fromRequest: Summary;
  spread: Summary;
  incomplete: number;
  seconds: number;
  cpu: ReturnType<CpuWindow['end']>;
}

async function issueTickets(target: Target, token: string, count: number): Promise<void> {
  let sent = 0;
  const deadline = performance.now() + 60_000;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (sent < count) {
        if (performance.now() > deadline) throw new Error(`issuing the queue took over 60 s (${sent}/${count})`);
        const n = sent++;
        const reply = await call(target, 'POST', '/api/tickets', { token, body: JSON.stringify({ serviceId: SERVICE, requestId: `fanout-ticket-${n}` }) });
        if (reply.status !== 201) throw new Error(`issuing the queue failed: ${reply.status} ${reply.text}`);
      }
    }),
  );
}

/** `next` every PACE_MS; for each, when its ticket:called reached the last display. */
async function pacedCalls(hub: HubProcess, counter: Target, token: string, fleet: DisplayFleet, label: string): Promise<CallTimes> {
  const fromResponse: number[] = [];
  const fromRequest: number[] = [];
  const spread: number[] = [];
  let incomplete = 0;
  let window = new CpuWindow(() => hub.cpuMs(), fleet.pids);
  let measuredFrom = performance.now();
  const start = performance.now();
  for (let i = 0; i < WARMUP_CALLS + CALLS; i++) {
    await sleep(Math.max(0, start + i * PACE_MS - performance.now()));
    if (i === WARMUP_CALLS) {
      window = new CpuWindow(() => hub.cpuMs(), fleet.pids);
      measuredFrom = performance.now();
    }
    const sentAt = monoMs();
    const reply = await callJson<{ ticket: { number: string } | null }>(counter, 'POST', `/api/counters/${COUNTER}/next`, {
      token,
      body: { requestId: `fanout-${label}-next-${i}` },
    });
    const answeredAt = monoMs();
    const number = reply.ticket?.number;
    if (!number) throw new Error(`next #${i} returned no ticket`);
    const d = await fleet.delivery(number, EVENT_TIMEOUT_MS);
    if (i < WARMUP_CALLS) continue;
    if (d.count < fleet.size) {
      incomplete += 1;
      continue;
    }
    fromResponse.push(d.last - answeredAt);
    fromRequest.push(d.last - sentAt);
    spread.push(d.last - d.first);
  }
  return {
    fromResponse: summarize(fromResponse),
    fromRequest: summarize(fromRequest),
    spread: summarize(spread),
    incomplete,
    seconds: (performance.now() - measuredFrom) / 1000,
    cpu: window.end(),
  };
}

function printCalls(report: Report, t: CallTimes): void {
  report.note(`${CALLS} calls paced at one per ${PACE_MS} ms took ${t.seconds.toFixed(1)} s; ${t.incomplete} did not reach all ${CLIENTS} clients within ${EVENT_TIMEOUT_MS} ms`);
  report.note(`last client − next response:      ${describe(t.fromResponse)}`);
  report.note(`last client − next request sent:  ${describe(t.fromRequest)}`);
  report.note(`last client − first client:       ${describe(t.spread)}`);
  report.note(`during the calls: ${describeCpu(t.cpu)}`);
  if (t.incomplete > 0) report.fail('every call reached every client', `${t.incomplete} of ${CALLS} calls incomplete`);
}

export async function runFanoutBenchmark(report: Report): Promise<void> {
  report.section('fanout', `${CLIENTS} display sockets; counter ${COUNTER} calls \`next\` ${CALLS}× → ticket:called at the last client`);
  const dir = freshDir('fanout', 'hub');
  const [displayToken, counterToken, kioskToken] = createTokens(dir, [{ role: 'display' }, { role: 'counter', counter: COUNTER }, { role: 'kiosk' }]);
  const hub = await spawnHub(dir);
  const agents = [keepAliveAgent(8), keepAliveAgent(1)];
  const fleets: DisplayFleet[] = [];
  try {
    const kiosk: Target = { port: hub.port, agent: agents[0]! };
    const counter: Target = { port: hub.port, agent: agents[1]! };
    await issueTickets(kiosk, kioskToken!, 2 * (WARMUP_CALLS + CALLS) + 10);
    report.note(`hub RSS before clients: ${hub.memory().rssMb.toFixed(0)} MB`);

    // ---- A: the 500 clients inside the bench process (as seen by the bench process)
    let t0 = performance.now();
    const inProcess = await inProcessFleet(hub.url, displayToken!, CLIENTS);
    fleets.push(inProcess);
    report.note(`A: ${CLIENTS} display clients in the bench process connected (snapshot received) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await sleep(1_000);
    const memory = hub.memory();
    report.check(`hub RSS with ${CLIENTS} display clients`, memory.rssMb, 'MB', { atMost: 200 });
    const a = await pacedCalls(hub, counter, counterToken!, inProcess, 'a');
    printCalls(report, a);
    report.note('A: the bench process reads the `next` response only after decoding the 500 sockets\' frames, so "− next response" cannot be positive here');
    report.info('A (clients in bench process): last client − next request sent, p50', a.fromRequest.p50, 'ms');
    report.info('A (clients in bench process): last client − next request sent, p99', a.fromRequest.p99, 'ms');
    report.info('A (clients in bench process): last client − next response, p99', a.fromResponse.p99, 'ms');
    await inProcess.close();
    fleets.pop();
    await sleep(1_000);

    // ---- B: the same 500 clients split over child processes, so the response is read on time
    t0 = performance.now();
    const split = await childProcessFleet(hub.url, displayToken!, CLIENTS, CLIENT_PROCESSES);
    fleets.push(split);
    report.note(`B: ${CLIENTS} display clients in ${CLIENT_PROCESSES} client processes connected in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await sleep(1_000);
    const b = await pacedCalls(hub, counter, counterToken!, split, 'b');
    printCalls(report, b);
    report.info('B (clients in 2 processes): last client − next request sent, p99', b.fromRequest.p99, 'ms');
    report.info('B (clients in 2 processes): last client − next response, p50', b.fromResponse.p50, 'ms');
    report.check('B (clients in 2 processes): last client − next response, p99', b.fromResponse.p99, 'ms', { atMost: 25 });
    const after = hub.memory();
    report.note(`hub RSS after both runs: ${after.rssMb.toFixed(0)} MB (peak VmHWM ${after.peakMb.toFixed(0)} MB)`);
    await split.close();
    fleets.pop();
  } catch (error) {
    throw await withExitReports(error, [hub]);
  } finally {
    for (const fleet of fleets) await fleet.close();
    for (const agent of agents) agent.destroy();
    await hub.stop();
  }
  await controlRun(report);
}

/** C: run B against the control server (socket.io + node:http, no hub logic, no DB): the machine's own floor. */
async function controlRun(report: Report): Promise<void> {
  const control = await spawnControlServer();
  const agent = keepAliveAgent(1);
  let fleet: DisplayFleet | null = null;
  try {
    fleet = await childProcessFleet(control.url, 'control', CLIENTS, CLIENT_PROCESSES);
    await sleep(1_000);
    const c = await pacedCalls(control, { port: control.port, agent }, 'control', fleet, 'c');
    report.note(`C: control server (same socket.io fan-out of 3 events, no hub logic, no DB), ${CLIENTS} clients in ${CLIENT_PROCESSES} processes:`);
    printCalls(report, c);
    report.info('C (control server): last client − next response, p50 / p99', `${c.fromResponse.p50.toFixed(2)} / ${c.fromResponse.p99.toFixed(2)}`, 'ms');
  } finally {
    await fleet?.close();
    agent.destroy();
    await control.stop();
  }
}
