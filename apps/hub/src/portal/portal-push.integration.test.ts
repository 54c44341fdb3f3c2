import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, type CenterConfigInput } from '@layso/shared';
import { DEMO_CENTER } from '../demo/demo-center.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { signRequest } from './request-signature.js';
import { createPushBooker } from '../portal-simulator/push-booker.js';
import { createSignedFetch } from './signed-fetch.js';

const SECRET = 'portal-shared-secret-0123456789';
// 2026-11-23 (a Monday) 09:00 in Hồ Chí Minh City.
const MONDAY_9AM = Date.parse('2026-11-23T02:00:00Z');

function centerWith(overrides: Partial<CenterConfigInput>): CenterConfigInput {
  return { ...structuredClone(DEMO_CENTER), portal: { mode: 'push', secret: SECRET }, ...overrides };
}

function tableCount(hub: TestHub, table: string): number {
  return (hub.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('portal push API', () => {
  let hub: TestHub;
  let now: number;
  let portal: ReturnType<typeof createSignedFetch>;
  let kioskToken: string;

  async function kiosk(path: string, body: unknown) {
    const response = await fetch(`${hub.url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${kioskToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  async function start(config: CenterConfigInput) {
    now = MONDAY_9AM;
    hub = await startTestHub({ config, clock: { now: () => now }, tickMs: 60_000 });
    portal = createSignedFetch({ baseUrl: hub.url, secret: SECRET, token: hub.token('portal'), now: () => now });
    kioskToken = hub.token('kiosk');
  }

  afterEach(async () => {
    await hub.stop();
  });

  describe('with the demo center', () => {
    beforeEach(async () => {
      await start(centerWith({}));
    });

    it('books the next number of the service sequence with a deadline and the seed message', async () => {
      const walkIn = await kiosk('/api/tickets', { serviceId: 'cong-an-xnc', requestId: 'walk-in-0001' });
      expect(walkIn.json.number).toBe('86001');
      const booked = await portal('POST', '/api/portal/bookings', {
        bookingRef: 'QN-2026-000001',
        serviceId: 'cong-an-xnc',
        contact: { name: 'Nguyễn Văn A', phone: '0912 345 678' },
      });
      expect(booked.status).toBe(201);
      // Booked 09:00; one person ahead at the default 5 min is under the 10-minute window.
      expect(booked.json).toMatchObject({
        number: '86002',
        status: 'booked',
        deadline: '2026-11-23T02:10:00.000Z',
        message: 'So giao dich 86002. Ban vui long den truoc 09:10 phut ngay 23/11/2026. Sau thoi gian tren vui long lay so khac tai trung tam',
      });
      const next = await kiosk('/api/tickets', { serviceId: 'cong-an-xnc', requestId: 'walk-in-0002' });
      expect(next.json.number).toBe('86003');
    });

    it('is idempotent on bookingRef', async () => {
      const first = await portal('POST', '/api/portal/bookings', { bookingRef: 'REF-0001', serviceId: 'visa' });
      now += 1000;
      const again = await portal('POST', '/api/portal/bookings', { bookingRef: 'REF-0001', serviceId: 'visa' });
      expect(again.status).toBe(200);
      expect(again.json).toEqual(first.json);
      expect(tableCount(hub, 'tickets')).toBe(1);
      const otherService = await portal('POST', '/api/portal/bookings', { bookingRef: 'REF-0001', serviceId: 'y-te' });
      expect(otherService.status).toBe(409);
    });

    it('reads and cancels a booking', async () => {
      await portal('POST', '/api/portal/bookings', { bookingRef: 'REF-0002', serviceId: 'visa' });
      const read = await portal('GET', '/api/portal/bookings/REF-0002');
      expect(read.json).toMatchObject({ number: '87001', status: 'booked' });
      const cancelled = await portal('DELETE', '/api/portal/bookings/REF-0002');
      expect(cancelled.json).toMatchObject({ status: 'cancelled' });
      const missing = await portal('GET', '/api/portal/bookings/REF-9999');
      expect(missing.status).toBe(404);
    });

    it('lists services with their current transaction for the portal', async () => {
      const catalog = await portal('GET', '/api/portal/catalog');
      expect(catalog.status).toBe(200);
      const floor3 = (catalog.json as { areas: { id: string; services: { id: string; current: unknown; acceptingBookings: boolean }[] }[] }).areas.find(
        (a) => a.id === 'tang-3',
      )!;
      expect(floor3.services).toHaveLength(18);
      expect(floor3.services[0]).toMatchObject({ current: null, acceptingBookings: true });
    });

    it.each([
      ['a wrong signature', { [SIGNATURE_HEADER]: 'sha256=' + '0'.repeat(64) }, 401],
      ['no signature', { [SIGNATURE_HEADER]: '' }, 401],
      ['a timestamp 6 minutes old', { [TIMESTAMP_HEADER]: String(MONDAY_9AM - 6 * 60_000) }, 401],
    ])('refuses %s and stores nothing', async (_label, override, status) => {
      const body = JSON.stringify({ bookingRef: 'REF-BAD1', serviceId: 'visa' });
      const timestamp = override[TIMESTAMP_HEADER as keyof typeof override] ?? String(now);
      const headers: Record<string, string> = {
        Authorization: `Bearer ${hub.token('portal')}`,
        'Content-Type': 'application/json',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signRequest(SECRET, timestamp, 'POST', '/api/portal/bookings', body),
        ...override,
      };
      const response = await fetch(`${hub.url}/api/portal/bookings`, { method: 'POST', headers, body });
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      expect(tableCount(hub, 'tickets')).toBe(0);
    });

    it('refuses a replayed request', async () => {
      const body = JSON.stringify({ bookingRef: 'REF-REPLAY', serviceId: 'visa' });
      const timestamp = String(now);
      const headers = {
        Authorization: `Bearer ${hub.token('portal')}`,
        'Content-Type': 'application/json',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signRequest(SECRET, timestamp, 'POST', '/api/portal/bookings', body),
      };
      const first = await fetch(`${hub.url}/api/portal/bookings`, { method: 'POST', headers, body });
      expect(first.status).toBe(201);
      const replay = await fetch(`${hub.url}/api/portal/bookings`, { method: 'POST', headers, body });
      expect(replay.status).toBe(409);
      expect(tableCount(hub, 'tickets')).toBe(1);
    });

    it('refuses a signed request from a non-portal token', async () => {
      const asKiosk = createSignedFetch({ baseUrl: hub.url, secret: SECRET, token: kioskToken, now: () => now });
      expect((await asKiosk('POST', '/api/portal/bookings', { bookingRef: 'REF-K1', serviceId: 'visa' })).status).toBe(403);
    });

    it.each([
      ['unknown service', { bookingRef: 'REF-U1', serviceId: 'khong-co' }, 404],
      ['missing bookingRef', { serviceId: 'visa' }, 400],
      ['bad phone', { bookingRef: 'REF-U2', serviceId: 'visa', contact: { phone: 'abc' } }, 400],
      ['bad e-mail', { bookingRef: 'REF-U3', serviceId: 'visa', contact: { email: 'not-an-email' } }, 400],
      ['unknown field', { bookingRef: 'REF-U4', serviceId: 'visa', extra: 1 }, 400],
      ['bookingRef with spaces', { bookingRef: 'REF U5', serviceId: 'visa' }, 400],
    ])('refuses a booking with %s, storing nothing', async (_label, body, status) => {
      const response = await portal('POST', '/api/portal/bookings', body);
      expect(response.status).toBe(status);
      expect(response.json).toHaveProperty('error.code');
      expect(tableCount(hub, 'tickets')).toBe(0);
      expect(tableCount(hub, 'booking_contacts')).toBe(0);
    });

    it('checks a booked citizen in at the kiosk with the last 4 phone digits', async () => {
      await portal('POST', '/api/portal/bookings', { bookingRef: 'REF-C1', serviceId: 'visa', contact: { phone: '0912345678' } });
      const wrong = await kiosk('/api/tickets/checkin', { number: '87001', phoneLast4: '0000' });
      const unknown = await kiosk('/api/tickets/checkin', { number: '87002', phoneLast4: '5678' });
      // Same answer whether the number exists or not.
      expect(wrong).toEqual(unknown);
      expect(wrong.status).toBe(404);
      const ok = await kiosk('/api/tickets/checkin', { number: '87001', phoneLast4: '5678' });
      expect(ok.status).toBe(200);
      expect(ok.json).toMatchObject({ number: '87001', ahead: 0 });
      expect((await portal('GET', '/api/portal/bookings/REF-C1')).json).toMatchObject({ status: 'waiting' });
      // A retry after a lost answer gets the same ticket to print.
      expect((await kiosk('/api/tickets/checkin', { number: '87001', phoneLast4: '5678' })).json).toMatchObject({ number: '87001' });
    });

    it('checks in with the booking code too', async () => {
      await portal('POST', '/api/portal/bookings', { bookingRef: 'REF-C2', serviceId: 'visa', contact: { email: 'a@example.vn' } });
      expect((await kiosk('/api/tickets/checkin', { number: '87001', bookingCode: 'REF-C2' })).status).toBe(200);
    });

    it('rate-limits repeated wrong check-in codes', async () => {
      await portal('POST', '/api/portal/bookings', { bookingRef: 'REF-C3', serviceId: 'visa', contact: { phone: '0912345678' } });
      for (let i = 0; i < 5; i++) expect((await kiosk('/api/tickets/checkin', { number: '87001', phoneLast4: `000${i}` })).status).toBe(404);
      const blocked = await kiosk('/api/tickets/checkin', { number: '87001', phoneLast4: '5678' });
      expect(blocked.status).toBe(429);
      expect((await portal('GET', '/api/portal/bookings/REF-C3')).json).toMatchObject({ status: 'booked' });
    });

    it('expires a booking after its deadline: never called, the portal sees expired', async () => {
      await portal('POST', '/api/portal/bookings', { bookingRef: 'REF-E1', serviceId: 'visa', contact: { phone: '0912345678' } });
      const counter = hub.token('counter', 87);
      now += 10 * 60_000;
      const next = await fetch(`${hub.url}/api/counters/87/next`, { method: 'POST', headers: { Authorization: `Bearer ${counter}` } });
      expect(await next.json()).toEqual({ ticket: null });
      expect((await portal('GET', '/api/portal/bookings/REF-E1')).json).toMatchObject({ status: 'expired' });
      expect((await kiosk('/api/tickets/checkin', { number: '87001', phoneLast4: '5678' })).status).toBe(409);
    });

    it('lets next call a booked ticket before its deadline when check-in is not required', async () => {
      await portal('POST', '/api/portal/bookings', { bookingRef: 'REF-N1', serviceId: 'visa' });
      const counter = hub.token('counter', 87);
      const next = await fetch(`${hub.url}/api/counters/87/next`, { method: 'POST', headers: { Authorization: `Bearer ${counter}` } });
      expect(await next.json()).toMatchObject({ ticket: { number: '87001', source: 'portal' } });
    });

    it('purges personal data after the retention period, keeping the ticket', async () => {
      await portal('POST', '/api/portal/bookings', { bookingRef: 'REF-P1', serviceId: 'visa', contact: { name: 'Trần Thị B', phone: '0987654321' } });
      expect(tableCount(hub, 'booking_contacts')).toBe(1);
      now += 29 * 86_400_000;
      expect(hub.bookings.purgePersonalData()).toBe(0);
      now += 2 * 86_400_000;
      expect(hub.bookings.purgePersonalData()).toBe(1);
      expect(tableCount(hub, 'booking_contacts')).toBe(0);
      expect(tableCount(hub, 'tickets')).toBe(1);
    });
  });

  it('never sets a deadline past closing time', async () => {
    const hours = [{ open: '07:30', close: '09:05' }];
    await start(centerWith({ openingHours: { mon: hours } }));
    const booked = await portal('POST', '/api/portal/bookings', { bookingRef: 'REF-CL1', serviceId: 'visa' });
    expect(booked.json).toMatchObject({ deadline: '2026-11-23T02:05:00.000Z' });
  });

  it('uses the estimated wait when it is longer than the window', async () => {
    await start(centerWith({}));
    for (let i = 0; i < 4; i++) await kiosk('/api/tickets', { serviceId: 'visa', requestId: `walk-in-${i}-xyz` });
    // 4 ahead × 5 min on one counter = 20 min > 10-minute window.
    const booked = await portal('POST', '/api/portal/bookings', { bookingRef: 'REF-W1', serviceId: 'visa' });
    expect(booked.json).toMatchObject({ number: '87005', deadline: '2026-11-23T02:20:00.000Z' });
  });

  it('interleaves simulator bookings and kiosk tickets in one sequence under concurrent load', async () => {
    await start(centerWith({}));
    const booker = createPushBooker({ hubUrl: hub.url, token: hub.token('portal'), secret: SECRET, now: () => now });
    const online = Array.from({ length: 40 }, (_, i) => booker.book(`LOAD-${i}`, 'cong-an-xnc', '0912345678').then((b) => b.number));
    const walkIn = Array.from({ length: 40 }, (_, i) => kiosk('/api/tickets', { serviceId: 'cong-an-xnc', requestId: `load-${i}-kiosk` }).then((r) => r.json.number as string));
    const numbers = await Promise.all([...online, ...walkIn]);
    expect(new Set(numbers).size).toBe(80);
    expect(numbers.map((n) => Number(n.slice(2))).sort((a, b) => a - b)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    const shown = (await booker.catalog()).areas.flatMap((a) => a.services).find((s) => s.id === 'cong-an-xnc');
    expect(shown).toMatchObject({ waiting: 80, current: null });
  });

  it('refuses portal calls when the portal link is off', async () => {
    await start({ ...structuredClone(DEMO_CENTER) });
    const response = await portal('GET', '/api/portal/catalog');
    expect(response.status).toBe(403);
  });
});
