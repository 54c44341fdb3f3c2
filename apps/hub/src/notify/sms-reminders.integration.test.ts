import { afterEach, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/start-test-hub.js';
import { FakeSmsGateway } from './testing/fake-sms-gateway.js';
import { call, counter, eventually, issue, startNotifyHub, subscribe } from './testing/notify-test-hub.js';

const PHONE = '0912345678';

/** The SMS notification path end to end: ticket page subscription → outbox → loopback gateway. */
describe('SMS reminders through the generic HTTP gateway', { timeout: 30_000 }, () => {
  let hub: TestHub | undefined;
  let gateway: FakeSmsGateway | undefined;

  afterEach(async () => {
    await hub?.stop();
    await gateway?.stop();
    hub = gateway = undefined;
  });

  async function start(ratePerMinute = 600) {
    gateway = new FakeSmsGateway();
    const url = await gateway.start();
    const started = await startNotifyHub({ sms: { url, headers: { Authorization: `Bearer ${gateway.apiKey}` }, ratePerMinute } });
    hub = started.hub;
    return { hub, gateway, logs: started.logs };
  }

  it('"sắp đến lượt" when 3 are ahead, "đã đến lượt" when called — once each, unaccented, ≤ 160 chars, masked in logs', async () => {
    const { hub, gateway, logs } = await start();
    const numbers = await issue(hub, 'cong-an-xnc', 5);
    const mine = numbers[4]!;
    expect((await subscribe(hub, mine, '0912 345 678')).status).toBe(201);
    await counter(hub, 86, 'next');
    // 4 ahead → 3 ahead: the reminder goes.
    expect(gateway.delivered.size).toBe(0);
    await counter(hub, 86, 'next');
    await eventually(() => gateway.delivered.size === 1, 'the reminder');
    const [near] = [...gateway.delivered.values()];
    expect(near!.body.phone).toBe(PHONE);
    // With the wait estimate in the words of the kiosk and the ticket page (formatWait), folded for SMS.
    expect(near!.body.text).toBe(`So ${mine} (Cong an tinh (XNC)) sap den luot: con 3 nguoi dang cho truoc ban, du kien khoang 15-30 phut. Vui long co mat gan quay so 86.`);
    await counter(hub, 86, 'next');
    await counter(hub, 86, 'next');
    await counter(hub, 86, 'next');
    await eventually(() => gateway.delivered.size === 2, 'the call message');
    await counter(hub, 86, 'recall');
    await counter(hub, 86, 'done');
    const texts = gateway.texts();
    expect(texts[1]).toBe(`Moi cong dan co so thu tu ${mine} den quay so 86.`);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(160);
    // The recall made no second message: the dedupe key is ticket:kind:channel.
    expect(gateway.received.length).toBe(2);

    const list = await call(hub, 'admin', 'GET', `/api/notifications?day=${hub.core.currentDay}&number=${mine}`);
    expect(list.json.notifications.map((n: { kind: string; status: string; recipient: string }) => [n.kind, n.status, n.recipient])).toEqual([
      ['near', 'sent', '0912***678'],
      ['called', 'sent', '0912***678'],
    ]);
    expect(logs.join('\n')).toContain('0912***678');
    expect(logs.join('\n')).not.toContain(PHONE);
  });

  it('a gateway outage delays the message; when the gateway is back it is delivered once', async () => {
    const { hub, gateway } = await start();
    gateway.mode = 'down';
    const [mine] = await issue(hub, 'cong-an-xnc', 1);
    await subscribe(hub, mine!, PHONE);
    await eventually(() => gateway.refused >= 3, 'several failed attempts');
    gateway.mode = 'up';
    await eventually(() => gateway.delivered.size === 1, 'delivery after the outage');
    const list = await call(hub, 'admin', 'GET', `/api/notifications?day=${hub.core.currentDay}&number=${mine}`);
    expect(list.json.notifications[0]).toMatchObject({ kind: 'near', status: 'sent', lastError: null });
    expect(list.json.notifications[0].attempts).toBeGreaterThanOrEqual(4);
    expect(gateway.received.length).toBe(1);
  });

  it('never sends a reminder after the ticket is done: pending messages are cancelled', async () => {
    const { hub, gateway } = await start();
    gateway.mode = 'down';
    const [mine] = await issue(hub, 'cong-an-xnc', 1);
    await subscribe(hub, mine!, PHONE);
    await counter(hub, 86, 'next');
    await counter(hub, 86, 'done');
    const list = await call(hub, 'admin', 'GET', `/api/notifications?day=${hub.core.currentDay}&number=${mine}`);
    expect(list.json.notifications.map((n: { kind: string; status: string }) => [n.kind, n.status])).toEqual([
      ['near', 'cancelled'],
      ['called', 'cancelled'],
    ]);
    // Another ticket's message: once the channel's (sequential) worker has tried it
    // twice, no attempt for the cancelled ones can still be on the wire.
    const [other] = await issue(hub, 'cong-an-xnc', 1);
    await subscribe(hub, other!, '0987654321');
    const otherKey = (await call(hub, 'admin', 'GET', `/api/notifications?day=${hub.core.currentDay}&number=${other}`)).json.notifications[0].ticketId;
    await eventually(() => gateway.refusedIds.filter((id) => id.startsWith(`${otherKey}:`)).length >= 2, "two attempts for the other ticket");
    gateway.mode = 'up';
    await eventually(() => gateway.delivered.size === 1, "the other ticket's reminder");
    expect([...gateway.delivered.values()][0]!.body.phone).toBe('0987654321');
  });

  it('bounds the send rate per channel (token bucket)', async () => {
    const { hub, gateway } = await start(1);
    const numbers = await issue(hub, 'cong-an-xnc', 3);
    for (const [i, number] of numbers.entries()) await subscribe(hub, number, `091234567${i}`);
    await eventually(() => gateway.delivered.size === 1, 'the first message');
    // One a minute with a burst of one: the other two wait, untried.
    const pending = (await call(hub, 'admin', 'GET', '/api/notifications')).json.notifications.filter((n: { status: string }) => n.status === 'pending');
    expect(pending.map((n: { attempts: number }) => n.attempts)).toEqual([0, 0]);
    expect(gateway.received.length).toBe(1);
  });

  it('validates and rate-limits the public subscribe endpoint; only admins see the list', async () => {
    const { hub } = await start();
    const [mine, second] = await issue(hub, 'cong-an-xnc', 2);
    expect((await subscribe(hub, mine!, '12345')).json.error.code).toBe('VALIDATION');
    expect((await subscribe(hub, '86999', PHONE)).status).toBe(404);
    expect((await subscribe(hub, mine!, '+84912345678')).json).toEqual({ subscribed: true, phone: '0912***678' });
    await counter(hub, 86, 'next');
    await counter(hub, 86, 'done');
    // A finished ticket takes no reminder; the third try within the hour is refused outright.
    expect((await subscribe(hub, mine!, PHONE)).json.error.code).toBe('CONFLICT');
    expect((await subscribe(hub, mine!, PHONE)).json.error.code).toBe('CONFLICT');
    expect((await subscribe(hub, mine!, PHONE)).json.error.code).toBe('RATE_LIMITED');
    expect((await subscribe(hub, second!, PHONE)).status).toBe(201);
    expect((await call(hub, 'display', 'GET', '/api/notifications')).status).toBe(403);
    expect((await call(hub, 'admin', 'GET', '/api/notifications?ticket=abc')).status).toBe(400);
  });
});
