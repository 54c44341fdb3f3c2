import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startTestHub, startTestHubAgain, stopTestHubKeepingData, type TestHub } from '@layso/hub/testing';
import { counterQueue, ticketStatus } from './support/hub-calls.js';
import { assertKioskBuilt } from './support/kiosk-build.js';
import { openKiosk } from './support/open-kiosk.js';

let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  assertKioskBuilt();
  hub = await startTestHub();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

describe('kiosk: hub stopped and started again', () => {
  it('says "Hệ thống tạm ngưng…", issues nothing, and works again (same requestId) once the hub is back', async () => {
    const { page } = await openKiosk(browser, hub);
    await page.getByTestId('area-button-tang-3').click();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/tickets')) requests.push(String(request.postDataJSON()?.requestId));
    });

    await stopTestHubKeepingData(hub);
    await page.getByTestId('offline-banner').waitFor();
    await page.getByTestId('service-button-noi-vu').click();
    await page.getByTestId('error-screen').waitFor();
    expect(await page.getByTestId('error-message').textContent()).toBe('Hệ thống tạm ngưng, vui lòng chờ trong giây lát');

    hub = await startTestHubAgain(hub);
    expect((await counterQueue(hub.url, 67, hub.token('counter', 67))).body.waiting).toEqual([]);
    await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 15_000 });

    await page.getByTestId('retry-button').click();
    const number = await page.getByTestId('ticket-number').textContent();
    expect(number).toBe('67001');
    expect((await ticketStatus(hub.url, hub.core.currentDay, number!)).body.status).toBe('waiting');
    expect((await counterQueue(hub.url, 67, hub.token('counter', 67))).body.waiting).toHaveLength(1);
    // The retry carried the requestId of the failed tap.
    expect(requests).toHaveLength(2);
    expect(requests[1]).toBe(requests[0]);
    await page.context().close();
  });
});
