import { afterEach, describe, expect, it } from 'vitest';
import { startTestHubAgain, stopTestHubKeepingData } from '../testing/restart-test-hub.js';
import type { TestHub } from '../testing/start-test-hub.js';
import { FakeSmsGateway } from './testing/fake-sms-gateway.js';
import { call, eventually, issue, startNotifyHub, subscribe } from './testing/notify-test-hub.js';

/** The outbox is durable: a hub stopped in the middle of a send delivers every message once after it starts again. */
describe('notification outbox across a hub restart', { timeout: 30_000 }, () => {
  let hub: TestHub | undefined;
  let gateway: FakeSmsGateway | undefined;

  afterEach(async () => {
    await hub?.stop();
    await gateway?.stop();
    hub = gateway = undefined;
  });

  it('stopped mid-send: the message in flight is resent with the same id (the peer drops the copy), the rest follow', async () => {
    gateway = new FakeSmsGateway();
    const url = await gateway.start();
    const first = await startNotifyHub({ sms: { url, headers: { Authorization: `Bearer ${gateway.apiKey}` } } });
    hub = first.hub;
    gateway.mode = 'hang';
    const numbers = await issue(hub, 'cong-an-xnc', 3);
    for (const [i, number] of numbers.entries()) await subscribe(hub, number, `091234567${i}`);
    await gateway.waitHeld(1);

    await stopTestHubKeepingData(hub);
    // The gateway did get the message in flight; the hub never heard back.
    gateway.release();
    expect(gateway.delivered.size).toBe(1);
    gateway.mode = 'up';
    hub = await startTestHubAgain(hub);

    await eventually(() => gateway!.delivered.size === 3, 'all three reminders');
    await eventually(() => hub!.notifications.list(null).every((n) => n.status === 'sent'), 'every message marked sent');
    const list = (await call(hub, 'admin', 'GET', '/api/notifications')).json.notifications as { status: string }[];
    expect(list.map((n) => n.status)).toEqual(['sent', 'sent', 'sent']);
    // One copy too many reached the gateway (at-least-once), but each id was delivered once.
    expect(gateway.received.length).toBe(4);
    expect([...gateway.delivered.keys()].sort()).toEqual([...new Set(gateway.received.map((r) => r.body.id))].sort());
  });
});
