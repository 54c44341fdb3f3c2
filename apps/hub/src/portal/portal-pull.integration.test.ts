import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { centerConfigSchema, type BookingAck } from '@layso/shared';
import { startHub, type Hub } from '../app/create-hub.js';
import { DEMO_CENTER } from '../demo/demo-center.js';
import { SimulatedPortal } from '../portal-simulator/simulated-portal.js';

const SECRET = 'pull-mode-shared-secret-42';

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function acceptedAcks(portal: SimulatedPortal): Map<string, Extract<BookingAck, { accepted: true }>[]> {
  const byRef = new Map<string, Extract<BookingAck, { accepted: true }>[]>();
  for (const ack of portal.acks) {
    if (!ack.accepted) continue;
    byRef.set(ack.bookingRef, [...(byRef.get(ack.bookingRef) ?? []), ack]);
  }
  return byRef;
}

describe('portal pull mode and upstream status', () => {
  let portal: SimulatedPortal;
  let dataDir: string;
  let hub: Hub | null = null;
  let kioskToken: string;

  const start = async () => {
    hub = await startHub({
      dataDir,
      host: '127.0.0.1',
      log: () => {},
      config: centerConfigSchema.parse({
        ...structuredClone(DEMO_CENTER),
        portal: { mode: 'pull', secret: SECRET, url: portal.url, pollIntervalSec: 1, snapshotIntervalSec: 3600 },
      }),
      portalRetry: { baseMs: 20, maxMs: 200 },
    });
    return hub;
  };

  const issue = async (serviceId: string, requestId: string) => {
    const response = await fetch(`${hub!.url}/api/tickets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${kioskToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ serviceId, requestId }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { number: string }).number;
  };

  const callNext = async (counter: number, token: string) =>
    fetch(`${hub!.url}/api/counters/${counter}/next`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });

  beforeEach(async () => {
    portal = await new SimulatedPortal(SECRET).start();
    dataDir = mkdtempSync(join(tmpdir(), 'layso-pull-'));
    await start();
    kioskToken = hub!.devices.create('kiosk').token;
  });

  afterEach(async () => {
    await hub?.close();
    hub = null;
    await portal.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('pulls bookings into the same sequence as kiosk tickets, once each despite duplicates', async () => {
    const refs = Array.from({ length: 24 }, (_, i) => `PULL-${String(i).padStart(3, '0')}`);
    const kioskNumbers: Promise<string>[] = [];
    refs.forEach((bookingRef, i) => {
      const serviceId = i % 2 === 0 ? 'visa' : 'cong-an-xnc';
      portal.addBooking({ bookingRef, serviceId, contact: { phone: '0912345678' } });
      kioskNumbers.push(issue(serviceId, `kiosk-req-${i}`));
      // The portal delivers some bookings twice, and a later one before an earlier one.
      if (i % 5 === 0) portal.addBooking({ bookingRef, serviceId, contact: { phone: '0912345678' } });
    });
    const walkIns = await Promise.all(kioskNumbers);
    await waitFor(() => acceptedAcks(portal).size === refs.length, 'an ack for every booking');

    const acks = acceptedAcks(portal);
    for (const [ref, list] of acks) {
      expect(new Set(list.map((a) => a.number)).size, `booking ${ref} got one number`).toBe(1);
      expect(list[0]!.message).toMatch(/^So giao dich \d{5}\. Ban vui long den truoc \d\d:\d\d phut ngay \d\d\/\d\d\/\d{4}\./);
    }
    const online = [...acks.values()].map((list) => list[0]!.number);
    const all = [...online, ...walkIns];
    expect(new Set(all).size).toBe(all.length);
    for (const prefix of ['86', '87']) {
      const seqs = all.filter((n) => n.startsWith(prefix)).map((n) => Number(n.slice(2))).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
    const stored = hub!.db.prepare("SELECT COUNT(*) AS n FROM tickets WHERE source = 'portal'").get() as { n: number };
    expect(stored.n).toBe(refs.length);
  });

  it('loses nothing through a portal outage and a hub restart, and keeps per-service order', async () => {
    const counter86 = hub!.devices.create('counter', { counter: 86 }).token;
    for (let i = 0; i < 6; i++) portal.addBooking({ bookingRef: `OUT-A${i}`, serviceId: 'cong-an-xnc', contact: {} });
    await waitFor(() => acceptedAcks(portal).size === 6, 'the first acks');

    portal.down = true;
    for (let i = 0; i < 6; i++) portal.addBooking({ bookingRef: `OUT-B${i}`, serviceId: 'cong-an-xnc', contact: {} });
    await issue('cong-an-xnc', 'walk-in-during-outage-1');
    expect((await callNext(86, counter86)).status).toBe(200);
    expect((await callNext(86, counter86)).status).toBe(200);
    // Let the coalescing window pass so the changes are in the durable outbox before the restart.
    await waitFor(
      () => (hub!.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL AND topic = 'service-status'").get() as { n: number }).n > 0,
      'status pushes waiting in the outbox',
    );

    await hub!.close();
    await start();
    await issue('cong-an-xnc', 'walk-in-after-restart-1');
    expect((await callNext(86, counter86)).status).toBe(200);

    portal.down = false;
    await waitFor(() => acceptedAcks(portal).size === 12, 'acks for every booking after the outage');
    // What the portal shows ends up being what the hub says (pushes are coalesced per second).
    const inSync = () => {
      const { current, waiting, estWaitMin } = hub!.core.views.serviceStatus('cong-an-xnc');
      const shown = portal.current.get('cong-an-xnc');
      return shown?.current === current && shown.waiting === waiting && shown.estWaitMin === estWaitMin;
    };
    await waitFor(inSync, 'the portal to show the current transaction');
    await waitFor(
      () => (hub!.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL').get() as { n: number }).n === 0,
      'the outbox to drain',
    );

    const numbers = [...acceptedAcks(portal).values()].map((list) => list[0]!.number);
    expect(new Set(numbers).size).toBe(12);
    // 12 bookings + 2 walk-ins, 3 called.
    expect(hub!.core.views.serviceStatus('cong-an-xnc')).toMatchObject({ current: '86003', waiting: 11 });
    // Per service, pushes arrived in the order they were made.
    const times = portal.serviceStatus.filter((p) => !p.snapshot && p.services.some((s) => s.serviceId === 'cong-an-xnc')).map((p) => p.at);
    expect(times).toEqual([...times].sort());
    // The portal heard that booked tickets were called.
    expect(portal.bookingStatus.some((s) => s.status === 'called')).toBe(true);
    expect(portal.refused).toEqual([]);
  });

  it('rejects a booking for an unknown service with an ack the portal can act on', async () => {
    portal.addBooking({ bookingRef: 'BAD-SVC-1', serviceId: 'khong-co', contact: {} });
    portal.addBooking({ bookingRef: 'GOOD-SVC-1', serviceId: 'visa', contact: {} });
    await waitFor(() => portal.acks.length === 2, 'both acks');
    const rejected = portal.acks.find((a) => a.bookingRef === 'BAD-SVC-1');
    expect(rejected).toMatchObject({ accepted: false, error: { code: 'NOT_FOUND' } });
    expect(portal.acks.find((a) => a.bookingRef === 'GOOD-SVC-1')).toMatchObject({ accepted: true, number: '87001' });
  });
});
