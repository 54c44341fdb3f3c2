import { afterEach, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/start-test-hub.js';
import { FakeSmtp } from './testing/fake-smtp.js';
import { FakeZalo } from './testing/fake-zalo.js';
import { call, counter, eventually, issue, startNotifyHub, subscribe } from './testing/notify-test-hub.js';

/** E-mail over real SMTP (smtp-server on loopback) and Zalo ZNS against a loopback fake of its API. */
describe('e-mail and Zalo channels', { timeout: 30_000 }, () => {
  let hub: TestHub | undefined;
  const peers: { stop(): Promise<void> }[] = [];

  afterEach(async () => {
    await hub?.stop();
    hub = undefined;
    for (const peer of peers.splice(0)) await peer.stop();
  });

  it('online booking: the confirmation by e-mail (accented, seed text), then "số đã hết hạn" when the deadline passes', async () => {
    const smtp = new FakeSmtp('layso@center.gov.vn', 'smtp-pass');
    peers.push(smtp);
    const port = await smtp.start();
    let offset = 0;
    const started = await startNotifyHub(
      { email: { host: '127.0.0.1', port, user: smtp.user, pass: smtp.pass, from: 'TTPVHCC <layso@center.gov.vn>' } },
      { clock: { now: () => Date.now() + offset } },
    );
    hub = started.hub;
    const booked = hub.bookings.book({ bookingRef: 'QN-2026-000001', serviceId: 'cong-an-xnc', contact: { name: 'Nguyễn Văn An', email: 'an.nguyen@example.vn' } });
    hub.publish(booked.events);
    await eventually(() => smtp.mails.length === 1, 'the booking e-mail');
    const [confirmation] = smtp.mails;
    expect(confirmation!.to).toEqual(['an.nguyen@example.vn']);
    expect(confirmation!.subject).toBe('Trung tâm Phục vụ hành chính công');
    expect(confirmation!.text).toBe(booked.value.messageEmail);
    expect(confirmation!.messageId).toMatch(/^<\d+\.booking\.email@layso>$/);

    offset += 3 * 3_600_000;
    hub.publish(hub.core.tick().events);
    await eventually(() => smtp.mails.length === 2, 'the expiry e-mail');
    expect(smtp.mails[1]!.text).toBe(`Số ${booked.value.number} đã hết hạn. Vui lòng lấy số khác tại trung tâm.`);
    expect(started.logs.join('\n')).not.toContain('an.nguyen@example.vn');
    expect(started.logs.join('\n')).toContain('a***@example.vn');
  });

  it('Zalo ZNS: refreshes the expired access token once, then sends template messages by phone with a tracking id', async () => {
    const zalo = new FakeZalo('app-123', 'zalo-secret', 'RT-0');
    peers.push(zalo);
    const urls = await zalo.start();
    const started = await startNotifyHub({
      phoneChannel: 'zalo',
      zalo: { ...urls, appId: 'app-123', secretKey: 'zalo-secret', accessToken: 'AT-0', refreshToken: 'RT-0', templates: { near: '301', called: '302' } },
    });
    hub = started.hub;
    const numbers = await issue(hub, 'cong-an-xnc', 2);
    await subscribe(hub, numbers[1]!, '0912345678');
    await eventually(() => zalo.messages.size === 1, 'the ZNS reminder');
    expect(zalo.refreshes).toBe(1);
    const [near] = [...zalo.messages.values()];
    expect(near).toMatchObject({ phone: '84912345678', template_id: '301', template_data: { number: numbers[1], counter: '86', ahead: '1' } });
    expect(near!.tracking_id).toMatch(/^\d+:near:zalo$/);

    await counter(hub, 86, 'next');
    await counter(hub, 86, 'next');
    await eventually(() => zalo.messages.size === 2, 'the ZNS call message');
    // The refreshed token was kept (in SQLite): no second refresh.
    expect(zalo.refreshes).toBe(1);
    expect(zalo.problems).toEqual([]);
    const list = await call(hub, 'admin', 'GET', `/api/notifications?day=${hub.core.currentDay}&number=${numbers[1]}`);
    expect(list.json.notifications.map((n: { channel: string; status: string }) => `${n.channel}:${n.status}`)).toEqual(['zalo:sent', 'zalo:sent']);
  });
});
