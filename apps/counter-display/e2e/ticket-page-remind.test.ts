import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { accessibleControls, launchBrowser, openPage, startTestHub, type TestHub } from '@layso/hub/testing';
import { DEMO_CENTER } from '../../hub/src/demo/demo-center.js';
// The hub's loopback SMS gateway and notify test hub (not part of @layso/hub/testing's public surface).
import { FakeSmsGateway } from '../../hub/src/notify/testing/fake-sms-gateway.js';
import { eventually, startNotifyHub } from '../../hub/src/notify/testing/notify-test-hub.js';
import { counterCommand, issueTickets, requireBuiltRenderer, WAIT_MS } from './support.js';

const SCREENSHOT = fileURLToPath(new URL('../../../docs/screenshots/ticket-page-reminder-demo.png', import.meta.url));

/** "Báo cho tôi khi sắp đến lượt": a citizen leaves a phone number on the ticket page and gets an SMS when 3 are ahead. */
describe('ticket page reminder by SMS', { timeout: 60_000 }, () => {
  let hub: TestHub;
  let browser: Browser;
  let gateway: FakeSmsGateway;

  beforeAll(async () => {
    requireBuiltRenderer();
    gateway = new FakeSmsGateway();
    const url = await gateway.start();
    hub = (await startNotifyHub({ sms: { url, headers: { Authorization: `Bearer ${gateway.apiKey}` } } })).hub;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
    await gateway?.stop();
  });

  it('refuses a bad number, accepts a good one, and the SMS arrives when 3 are ahead', async () => {
    const numbers = await issueTickets(hub, 'cong-an-xnc', 6);
    const mine = numbers[5]!;
    const { page, errors } = await openPage(browser, `${hub.url}/t/${hub.core.currentDay}/${mine}`, { width: 360, height: 640 });
    page.setDefaultTimeout(WAIT_MS);
    await page.waitForSelector('[data-testid=ticket-page][data-ahead="5"]');

    await page.fill('input[name=phone]', '12345');
    await page.click('[data-testid=remind-form] button[type=submit]');
    await page.waitForSelector('[role=alert]:text("Số điện thoại không hợp lệ.")');
    expect(await page.textContent('[data-testid=remind-offer]')).toBe('Trung tâm sẽ báo qua tin nhắn SMS khi còn 3 người trước ông/bà và khi được mời đến quầy.');
    await page.fill('input[name=phone]', '0912 345 678');
    // No consent, no registration.
    await page.click('[data-testid=remind-form] button[type=submit]');
    await page.waitForSelector('[role=alert]:text("Vui lòng đánh dấu đồng ý trước khi đăng ký.")');
    expect(await page.textContent('[data-testid=remind-form]')).toContain('Số được xóa sau 30 ngày (Nghị định 13/2023/NĐ-CP');
    await page.check('[data-testid=remind-consent]');
    await page.click('[data-testid=remind-form] button[type=submit]');
    await page.waitForSelector('[data-testid=remind-done]:text("Đã đăng ký nhắc qua tin nhắn SMS tới số 0912***678, khi còn 3 người trước ông/bà.")');
    // The hub remembers it: a reload shows the registration, not the form.
    await page.reload();
    await page.waitForSelector('[data-testid=remind-done][data-channel=sms]');
    expect(await page.locator('[data-testid=remind-form]').count()).toBe(0);

    await counterCommand(hub, 86, 'next');
    await page.waitForSelector('[data-testid=ticket-page][data-ahead="4"]');
    expect(gateway.delivered.size).toBe(0);
    await counterCommand(hub, 86, 'next');
    await page.waitForSelector('[data-testid=ticket-page][data-ahead="3"]');
    await eventually(() => gateway.delivered.size === 1, 'the SMS reminder');
    const [sms] = [...gateway.delivered.values()];
    expect(sms!.body.phone).toBe('0912345678');
    expect(sms!.body.text).toContain(`So ${mine} (Cong an tinh (XNC)) sap den luot: con 3 nguoi`);
    expect(errors).toEqual([]);
  });

  it('a center without a reminder channel offers no form', async () => {
    const bare = await startTestHub({ config: withoutNotify() });
    try {
      const [number] = await issueTickets(bare, 'cong-an-xnc', 1);
      const { page } = await openPage(browser, `${bare.url}/t/${bare.core.currentDay}/${number}`, { width: 360, height: 640 });
      page.setDefaultTimeout(WAIT_MS);
      await page.waitForSelector('[data-testid=ticket-page][data-status=waiting]');
      // The hub answered "no channel": no form.
      await page.waitForSelector('[data-testid=remind-unavailable]', { state: 'attached' });
      expect(await page.locator('[data-testid=remind-form]').count()).toBe(0);
      await page.context().close();
    } finally {
      await bare.stop();
    }
  });

  it('the demo center offers its demo channel and the reminder appears as sent in the admin list', async () => {
    const demo = await startTestHub();
    try {
      const numbers = await issueTickets(demo, 'cong-an-xnc', 5);
      const mine = numbers[4]!;
      const { page, errors } = await openPage(browser, `${demo.url}/t/${demo.core.currentDay}/${mine}`, { width: 360, height: 640 });
      page.setDefaultTimeout(WAIT_MS);
      await page.waitForSelector('[data-testid=remind-form][data-channel=demo]');
      expect(await page.textContent('[data-testid=remind-offer]')).toContain('tin nhắn thử của bản trình diễn');
      // Every control of the phone page has a name a screen reader can say.
      const controls = await accessibleControls(page);
      expect(controls.map((control) => control.role).sort()).toEqual(['button', 'button', 'checkbox', 'textbox']);
      expect(controls.filter((control) => control.name === '')).toEqual([]);
      await page.fill('input[name=phone]', '0912345678');
      await page.check('[data-testid=remind-consent]');
      await page.click('[data-testid=remind-form] button[type=submit]');
      await page.waitForSelector('[data-testid=remind-done][data-channel=demo]');
      await page.screenshot({ path: SCREENSHOT });
      await counterCommand(demo, 86, 'next');
      const sent = async () => {
        const response = await fetch(`${demo.url}/api/notifications?day=${demo.core.currentDay}&number=${mine}`, { headers: { Authorization: `Bearer ${demo.token('admin')}` } });
        const { notifications } = (await response.json()) as { notifications: { kind: string; channel: string; status: string }[] };
        return notifications.some((n) => n.kind === 'near' && n.channel === 'demo' && n.status === 'sent');
      };
      const deadline = Date.now() + WAIT_MS;
      while (!(await sent()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await sent()).toBe(true);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await demo.stop();
    }
  });
});

function withoutNotify() {
  const { notify: _notify, ...rest } = DEMO_CENTER;
  return rest;
}
