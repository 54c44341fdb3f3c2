import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CENTER } from '../demo/demo-center.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { call, counter, issue, subscribe } from './testing/notify-test-hub.js';

/** Reminders are offered only through a configured channel; the demo's channel delivers into the outbox. */
describe('reminder offer and the demo channel', { timeout: 30_000 }, () => {
  let hub: TestHub | undefined;

  afterEach(async () => {
    await hub?.stop();
    hub = undefined;
  });

  const reminder = (h: TestHub, number: string) => call(h, null, 'GET', `/api/tickets/${h.core.currentDay}/${number}/reminder`);

  it('no channel configured: the page is not offered a reminder and a subscription is refused, nothing stored', async () => {
    const { notify: _notify, ...withoutNotify } = DEMO_CENTER;
    hub = await startTestHub({ config: withoutNotify });
    const [mine] = await issue(hub, 'cong-an-xnc', 1);
    expect((await reminder(hub, mine!)).json).toEqual({ offer: null, registered: null });
    const refused = await subscribe(hub, mine!, '0912345678');
    expect(refused.status).toBe(409);
    expect((await reminder(hub, mine!)).json.registered).toBeNull();
    expect((await call(hub, 'admin', 'GET', '/api/notifications')).json.notifications).toEqual([]);
  });

  it('demo channel: offered with the threshold and retention; registration is remembered; the reminder shows as sent in the admin list at the threshold', async () => {
    hub = await startTestHub();
    const numbers = await issue(hub, 'cong-an-xnc', 5);
    const mine = numbers[4]!;
    expect((await reminder(hub, mine)).json).toEqual({ offer: { channel: 'demo', remindAhead: 3, keepDays: 30 }, registered: null });
    expect((await subscribe(hub, mine, '0912 345 678')).status).toBe(201);
    expect((await reminder(hub, mine)).json.registered).toEqual({ channel: 'demo', phone: '0912***678' });

    const list = async () => (await call(hub!, 'admin', 'GET', `/api/notifications?day=${hub!.core.currentDay}&number=${mine}`)).json.notifications as { kind: string; channel: string; status: string; recipient: string }[];
    // 4 ahead: not yet.
    expect(await list()).toEqual([]);
    await counter(hub, 86, 'next');
    // 3 ahead: the reminder goes through the demo channel and is marked sent.
    let rows = await list();
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && rows[0]?.status !== 'sent') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      rows = await list();
    }
    expect(rows).toMatchObject([{ kind: 'near', channel: 'demo', status: 'sent', recipient: '0912***678' }]);
  });
});
