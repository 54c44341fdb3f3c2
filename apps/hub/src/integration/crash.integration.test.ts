import { rmSync } from 'node:fs';
import { issuedTicketSchema, type IssuedTicket } from '@layso/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSequences, readTickets } from '../testing/db-snapshot.js';
import { http } from '../testing/http-client.js';
import { makeTempDir, newRequestId } from '../testing/start-test-hub.js';
import { killAllSpawnedHubs, provisionTokens, spawnHub, type SpawnedHub } from '../testing/spawn-hub.js';

/** Demo-center services the kiosks pick from: three prefixes, so sequences interleave. */
const SERVICES = ['cong-an-xnc', 'visa', 'tu-phap'];
const KIOSKS = 4;
const CRASHES = 6;

interface Kiosk {
  token: string;
  /** A request whose answer was lost in a crash: retried with the same requestId after restart. */
  unanswered: { requestId: string; serviceId: string } | null;
}

interface Ack extends IssuedTicket {
  requestId: string;
  kiosk: number;
  /** Whether this answer came for a retried (possibly already committed) request. */
  retry: boolean;
}

const key = (t: { day: string; number: string }) => `${t.day}/${t.number.slice(0, 2)}`;
const seqOf = (number: string) => Number(number.slice(2));

describe('crash safety: SIGKILL under load, restart on the same data folder', () => {
  let dataDir: string;
  const kiosks: Kiosk[] = [];
  const acks: Ack[] = [];

  beforeAll(async () => {
    dataDir = makeTempDir('crash');
    kiosks.push(...provisionTokens(dataDir, 'kiosk', KIOSKS).map((token) => ({ token, unanswered: null })));
  });
  afterAll(async () => {
    await killAllSpawnedHubs();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** One kiosk request; a network failure leaves it unanswered (it may or may not have committed). */
  async function issue(hub: SpawnedHub, index: number, request: { requestId: string; serviceId: string }, retry: boolean): Promise<boolean> {
    const kiosk = kiosks[index]!;
    let response;
    try {
      response = await http(hub.url, 'POST', '/api/tickets', { token: kiosk.token, json: request, timeoutMs: 30_000 });
    } catch {
      kiosk.unanswered = request;
      return false;
    }
    // The hub never answers anything but 201 to these requests, crash or no crash.
    expect(response.status, response.text).toBe(201);
    kiosk.unanswered = null;
    acks.push({ ...issuedTicketSchema.parse(response.body), requestId: request.requestId, kiosk: index, retry });
    return true;
  }

  /** A kiosk handing out tickets back to back until the hub goes away. */
  async function kioskLoop(hub: SpawnedHub, index: number): Promise<void> {
    for (let n = 0; ; n++) {
      const request = { requestId: newRequestId(`k${index}`), serviceId: SERVICES[(index + n) % SERVICES.length]! };
      if (!(await issue(hub, index, request, false))) return;
    }
  }

  async function waitUntil(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  // About 15 s on an idle two-core box; the limit leaves room for a loaded CI machine.
  it('keeps every acknowledged ticket, never reuses a number and continues each sequence', { timeout: 180_000 }, async () => {
    for (let crash = 0; crash <= CRASHES; crash++) {
      const hub = await spawnHub({ dataDir });
      const highestBefore = new Map<string, number>();
      for (const ack of acks) highestBefore.set(key(ack), Math.max(highestBefore.get(key(ack)) ?? 0, seqOf(ack.number)));
      const firstAck = acks.length;

      // What a kiosk does after a lost answer: ask again with the same requestId.
      for (const [index, kiosk] of kiosks.entries()) {
        if (kiosk.unanswered) expect(await issue(hub, index, kiosk.unanswered, true)).toBe(true);
      }
      if (crash === CRASHES) {
        await hub.stop();
        break;
      }

      let stopped = false;
      const loops = Promise.all(kiosks.map((_, index) => kioskLoop(hub, index))).finally(() => {
        stopped = true;
      });
      // Kill at a different depth each round, while every kiosk has a request in flight.
      const target = firstAck + 25 + crash * 15;
      await waitUntil(() => acks.length >= target || stopped, `${target} acknowledged tickets`);
      // The kiosks only stop when the hub is gone: before the kill, that is a failure (rethrown here).
      if (stopped) await loops.then(() => expect.fail(`kiosks stopped before the kill:\n${hub.output()}`));
      await hub.kill();
      await loops;

      // New tickets after a restart continue above everything acknowledged before it.
      for (const ack of acks.slice(firstAck).filter((a) => !a.retry)) {
        expect(seqOf(ack.number), `${ack.number} after restart ${crash}`).toBeGreaterThan(highestBefore.get(key(ack)) ?? 0);
      }
    }

    const rows = readTickets(dataDir);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(acks.length).toBeGreaterThan(CRASHES * 25);
    for (const ack of acks) {
      expect(byId.get(ack.id), `acknowledged ${ack.number}`).toMatchObject({ number: ack.number, day: ack.day, service_id: ack.serviceId, request_id: ack.requestId });
    }
    // A retried requestId always named one ticket.
    const byRequest = new Map<string, string>();
    for (const ack of acks) {
      const id = `${ack.kiosk}/${ack.requestId}`;
      expect(byRequest.get(id) ?? ack.number, id).toBe(ack.number);
      byRequest.set(id, ack.number);
    }
    // No number twice, and each prefix's numbers are exactly 001..last: nothing skipped or reused.
    expect(new Set(rows.map((row) => `${row.day}/${row.number}`)).size).toBe(rows.length);
    for (const sequence of readSequences(dataDir)) {
      const seqs = rows
        .filter((row) => row.day === sequence.day && row.prefix === sequence.prefix)
        .map((row) => row.seq)
        .sort((a, b) => a - b);
      expect(seqs, `${sequence.day}/${sequence.prefix}`).toEqual(Array.from({ length: sequence.last_seq }, (_, i) => i + 1));
    }
  });
});
