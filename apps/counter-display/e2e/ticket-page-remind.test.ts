import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, type TestHub } from '@layso/hub/testing';
// The hub's loopback SMS gateway and notify test hub (not part of @layso/hub/testing's public surface).
import { FakeSmsGateway } from '../../hub/src/notify/testing/fake-sms-gateway.js';
import { eventually, startNotifyHub } from '../../hub/src/notify/testing/notify-test-hub.js';
import { counterCommand, issueTickets, requireBuiltRenderer, WAIT_MS } from './support.js';

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
    await page.fill('input[name=phone]', '0912 345 678');
    await page.click('[data-testid=remind-form] button[type=submit]');
    await page.waitForSelector('[data-testid=remind-done]');

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
});
