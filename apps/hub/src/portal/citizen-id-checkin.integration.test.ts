import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citizenIdHash, type CenterConfigInput } from '@layso/shared';
import { DEMO_CENTER } from '../demo/demo-center.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { createSignedFetch } from './signed-fetch.js';

const SECRET = 'portal-shared-secret-0123456789';
// 2026-11-23 (a Monday) 09:00 in Hồ Chí Minh City.
const MONDAY_9AM = Date.parse('2026-11-23T02:00:00Z');
const CITIZEN_ID = '079090001234';
const NAME = 'Nguyễn Văn An';

describe('check-in by CCCD scan (keyed ID hash) through the real hub', () => {
  let hub: TestHub;
  let now: number;
  let portal: ReturnType<typeof createSignedFetch>;
  let kioskToken: string;
  const logs: string[] = [];

  async function call(method: string, path: string, token: string, body?: unknown) {
    const response = await fetch(`${hub.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  /** What the kiosk does: fetch the matching key, hash the scanned number, send only the hash. */
  async function scan(id: string, token = kioskToken) {
    const key = (await call('GET', '/api/kiosk/citizen-id-key', token)).json.key as string;
    return call('POST', '/api/tickets/checkin-by-id', token, { citizenIdHash: citizenIdHash(key, id) });
  }

  beforeEach(async () => {
    now = MONDAY_9AM;
    logs.length = 0;
    const config: CenterConfigInput = { ...structuredClone(DEMO_CENTER), portal: { mode: 'push', secret: SECRET } };
    hub = await startTestHub({ config, clock: { now: () => now }, tickMs: 60_000, log: (m, e) => logs.push(`${m} ${String(e ?? '')}`) });
    portal = createSignedFetch({ baseUrl: hub.url, secret: SECRET, token: hub.token('portal'), now: () => now });
    kioskToken = hub.token('kiosk');
  });

  afterEach(async () => {
    await hub.stop();
  });

  it('checks in today\'s booking made with the citizen ID, with no typing, and again on a repeat scan', async () => {
    const booked = await portal('POST', '/api/portal/bookings', {
      bookingRef: 'QN-2026-ID0001',
      serviceId: 'visa',
      contact: { name: NAME, phone: '0912345678', citizenId: CITIZEN_ID },
    });
    expect(booked.status).toBe(201);
    expect(booked.json).toMatchObject({ number: '87001', status: 'booked' });

    const checkedIn = await scan(CITIZEN_ID);
    expect(checkedIn.status).toBe(200);
    // The number is the booking's: assigned at booking, placed in the queue now.
    expect(checkedIn.json).toMatchObject({ number: '87001', ahead: 0 });
    expect((await portal('GET', '/api/portal/bookings/QN-2026-ID0001')).json).toMatchObject({ status: 'waiting' });
    expect((await scan(CITIZEN_ID)).json).toMatchObject({ number: '87001' });
  });

  it('keeps only the keyed hash: no ID digits in the database files, the audit log or the hub log', async () => {
    await portal('POST', '/api/portal/bookings', { bookingRef: 'QN-2026-ID0002', serviceId: 'visa', contact: { citizenId: CITIZEN_ID } });
    expect((await scan(CITIZEN_ID)).status).toBe(200);
    const key = (await call('GET', '/api/kiosk/citizen-id-key', kioskToken)).json.key as string;
    const row = hub.db.prepare('SELECT citizen_id_hash AS h FROM booking_contacts').get() as { h: string };
    expect(row.h).toBe(citizenIdHash(key, CITIZEN_ID));
    hub.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of readdirSync(hub.dataDir)) {
      const path = join(hub.dataDir, file);
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        continue; // a folder
      }
      expect(bytes.includes(Buffer.from(CITIZEN_ID)), file).toBe(false);
    }
    expect(logs.join('\n')).not.toContain(CITIZEN_ID);
    // Audit rows, if any, carry nothing of it either.
    const audit = JSON.stringify(hub.db.prepare('SELECT * FROM audit_log').all());
    expect(audit).not.toContain(CITIZEN_ID);
  });

  it('gives the same refusals as check-in by code: 404 without a booking today, 409 once expired', async () => {
    expect((await scan(CITIZEN_ID)).status).toBe(404);
    await portal('POST', '/api/portal/bookings', { bookingRef: 'QN-2026-ID0003', serviceId: 'visa', contact: { citizenId: CITIZEN_ID } });
    // Someone else's card finds nothing.
    expect((await scan('079090009999')).status).toBe(404);
    now += 10 * 60_000;
    await fetch(`${hub.url}/api/counters/87/next`, { method: 'POST', headers: { Authorization: `Bearer ${hub.token('counter', 87)}` } });
    expect((await portal('GET', '/api/portal/bookings/QN-2026-ID0003')).json).toMatchObject({ status: 'expired' });
    expect((await scan(CITIZEN_ID)).status).toBe(409);
  });

  it('does not check in yesterday\'s booking', async () => {
    await portal('POST', '/api/portal/bookings', { bookingRef: 'QN-2026-ID0004', serviceId: 'visa', contact: { citizenId: CITIZEN_ID } });
    now += 86_400_000;
    await new Promise((resolve) => setTimeout(resolve, 0));
    hub.core.rollover();
    expect((await scan(CITIZEN_ID)).status).toBe(404);
  });

  it('is for kiosks only, refuses a malformed hash, and rate-limits a sweep of IDs', async () => {
    const counter = hub.token('counter', 87);
    expect((await call('GET', '/api/kiosk/citizen-id-key', counter)).status).toBe(403);
    expect((await call('POST', '/api/tickets/checkin-by-id', counter, { citizenIdHash: 'a'.repeat(64) })).status).toBe(403);
    expect((await call('POST', '/api/tickets/checkin-by-id', kioskToken, { citizenIdHash: CITIZEN_ID })).status).toBe(400);
    expect((await call('POST', '/api/tickets/checkin-by-id', kioskToken, { citizenIdHash: 'a'.repeat(64), citizenId: CITIZEN_ID })).status).toBe(400);
    await portal('POST', '/api/portal/bookings', { bookingRef: 'QN-2026-ID0005', serviceId: 'visa', contact: { citizenId: CITIZEN_ID } });
    for (let i = 0; i < 30; i++) expect((await scan(`0790900${String(i).padStart(5, '0')}`)).status).toBe(404);
    expect((await scan(CITIZEN_ID)).status).toBe(429);
    // Another kiosk is not blocked.
    expect((await scan(CITIZEN_ID, hub.token('kiosk'))).status).toBe(200);
  });

  it('drops the hash with the booking\'s other personal data', async () => {
    await portal('POST', '/api/portal/bookings', { bookingRef: 'QN-2026-ID0006', serviceId: 'visa', contact: { citizenId: CITIZEN_ID } });
    now += 31 * 86_400_000;
    expect(hub.bookings.purgePersonalData()).toBe(1);
    expect((hub.db.prepare('SELECT COUNT(*) AS n FROM booking_contacts WHERE citizen_id_hash IS NOT NULL').get() as { n: number }).n).toBe(0);
  });

  it('refuses a citizen ID that is not 12 digits from the portal', async () => {
    const bad = await portal('POST', '/api/portal/bookings', { bookingRef: 'QN-2026-ID0007', serviceId: 'visa', contact: { citizenId: '12345' } });
    expect(bad.status).toBe(400);
  });
});
