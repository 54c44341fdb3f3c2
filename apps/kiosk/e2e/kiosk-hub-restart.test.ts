import { describe, expect, it } from 'vitest';
import { startTestHubAgain, stopTestHubKeepingData } from '@layso/hub/testing';
import { counterQueue, ticketStatus } from './support/hub-calls.js';
import { useKioskE2e } from './support/kiosk-e2e.js';
import { openKiosk } from './support/open-kiosk.js';

const env = useKioskE2e();

describe('kiosk: hub stopped and started again', () => {
  it('says "Hệ thống tạm ngưng…", issues nothing, and works again (same requestId) once the hub is back', async () => {
    const { page } = await openKiosk(env.browser, env.hub);
    await page.getByTestId('area-button-tang-3').click();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/tickets')) requests.push(String(request.postDataJSON()?.requestId));
    });

    await stopTestHubKeepingData(env.hub);
    await page.getByTestId('offline-banner').waitFor();
    await page.getByTestId('service-button-noi-vu').click();
    await page.getByTestId('error-screen').waitFor();
    expect(await page.getByTestId('error-message').textContent()).toBe('Hệ thống tạm ngưng, vui lòng chờ trong giây lát');

    env.hub = await startTestHubAgain(env.hub);
    expect((await counterQueue(env.hub.url, 67, env.hub.token('counter', 67))).body.waiting).toEqual([]);
    await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 15_000 });

    await page.getByTestId('retry-button').click();
    const number = await page.getByTestId('ticket-number').textContent();
    expect(number).toBe('67001');
    expect((await ticketStatus(env.hub.url, env.hub.core.currentDay, number!)).body.status).toBe('waiting');
    expect((await counterQueue(env.hub.url, 67, env.hub.token('counter', 67))).body.waiting).toHaveLength(1);
    // The retry carried the requestId of the failed tap.
    expect(requests).toHaveLength(2);
    expect(requests[1]).toBe(requests[0]);
    await page.context().close();
  });
});
