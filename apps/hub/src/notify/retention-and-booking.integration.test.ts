import { afterEach, describe, expect, it } from 'vitest';
import { bookingSmsText, centerConfigSchema } from '@layso/shared';
import { DEMO_CENTER } from '../demo/demo-center.js';
import type { TestHub } from '../testing/start-test-hub.js';
import { FakeSmsGateway } from './testing/fake-sms-gateway.js';
import { call, eventually, issue, startNotifyHub, subscribe } from './testing/notify-test-hub.js';

describe('notify configuration, booking SMS and personal-data retention', { timeout: 30_000 }, () => {
  let hub: TestHub | undefined;
  let gateway: FakeSmsGateway | undefined;

  afterEach(async () => {
    await hub?.stop();
    await gateway?.stop();
    hub = gateway = undefined;
  });

  it('a center.json without a notify section stays valid and gets the defaults (no channel, remind at 3 ahead)', () => {
    const { notify: _demoChannel, ...withoutNotify } = DEMO_CENTER;
    expect(centerConfigSchema.parse(withoutNotify).notify).toEqual({ remindAhead: 3, phoneChannel: 'sms', maxAttempts: 8 });
    const bad = centerConfigSchema.safeParse({ ...DEMO_CENTER, notify: { sms: { url: 'ftp://gateway' } } });
    expect(bad.success).toBe(false);
  });

  it('the online booking confirmation goes by SMS with the seed text; subscriptions and recipients are purged after personalDataDays', async () => {
    gateway = new FakeSmsGateway();
    const url = await gateway.start();
    let offset = 0;
    const started = await startNotifyHub({ sms: { url, headers: { Authorization: `Bearer ${gateway.apiKey}` } } }, { clock: { now: () => Date.now() + offset } });
    hub = started.hub;
    const booked = hub.bookings.book({ bookingRef: 'QN-2026-000002', serviceId: 'cong-an-xnc', contact: { phone: '0987654321' } });
    hub.publish(booked.events);
    await eventually(() => gateway!.delivered.size === 1, 'the booking SMS');
    const [sms] = [...gateway.delivered.values()];
    expect(sms!.body).toMatchObject({ phone: '0987654321', text: bookingSmsText({ number: booked.value.number, deadline: booked.value.deadline, timeZone: hub.core.config.timeZone }) });
    expect(sms!.body.text).toBe(booked.value.message);

    const [walkIn] = await issue(hub, 'tu-phap', 1);
    await subscribe(hub, walkIn!, '0912345678');
    await eventually(() => gateway!.delivered.size === 2, 'the walk-in reminder');

    offset += 31 * 86_400_000;
    hub.notifications.purgePersonalData();
    const rows = hub.db.prepare('SELECT phone FROM ticket_subscriptions').all();
    expect(rows).toEqual([]);
    const list = (await call(hub, 'admin', 'GET', '/api/notifications')).json.notifications as { recipient: string; status: string }[];
    expect(list.map((n) => [n.recipient, n.status])).toEqual([
      ['(đã xóa)', 'sent'],
      ['(đã xóa)', 'sent'],
    ]);
    const stored = hub.db.prepare('SELECT recipient, payload_json FROM notifications').all();
    expect(JSON.stringify(stored)).not.toMatch(/0912345678|0987654321/);
  });

  it('an expired booking gets "số đã hết hạn"; its reminders still pending are cancelled, never sent', async () => {
    gateway = new FakeSmsGateway();
    const url = await gateway.start();
    let offset = 0;
    hub = (await startNotifyHub({ sms: { url, headers: { Authorization: `Bearer ${gateway.apiKey}` } } }, { clock: { now: () => Date.now() + offset } })).hub;
    gateway.mode = 'down';
    const booked = hub.bookings.book({ bookingRef: 'QN-2026-000003', serviceId: 'cong-an-xnc', contact: { phone: '0987654321' } });
    hub.publish(booked.events);
    expect((await subscribe(hub, booked.value.number, '0912345678')).status).toBe(201);
    offset += 3 * 3_600_000;
    hub.publish(hub.core.tick().events);
    const kinds = async () => ((await call(hub!, 'admin', 'GET', `/api/notifications?day=${booked.value.day}&number=${booked.value.number}`)).json.notifications as { kind: string; status: string }[]).map((n) => `${n.kind}:${n.status}`);
    expect(await kinds()).toEqual(['booking:pending', 'near:cancelled', 'expired:pending']);
    // Once the channel's sequential worker has tried the expiry notice, no attempt of
    // the confirmation begun before the expiry can still be on the wire.
    const ticketId = hub.core.findTicket(booked.value.day, booked.value.number)!.id;
    await eventually(() => gateway!.refusedIds.includes(`${ticketId}:expired:sms`), 'an attempt at the expiry notice');
    gateway.mode = 'up';
    await eventually(() => gateway!.delivered.size === 1, 'the expiry SMS');
    expect([...gateway.delivered.values()][0]!.body).toMatchObject({ phone: '0912345678', text: `So ${booked.value.number} da het han. Vui long lay so khac tai trung tam.` });
    // The confirmation of a booking that has expired is no longer worth sending.
    await expect.poll(kinds).toEqual(['booking:cancelled', 'near:cancelled', 'expired:sent']);
    expect(gateway.received.length).toBe(1);
  });
});
