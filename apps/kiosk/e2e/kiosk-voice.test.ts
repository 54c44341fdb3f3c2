import { describe, expect, it } from 'vitest';
import { buildCallAnnouncement } from '@layso/shared';
import { useKioskE2e } from './support/kiosk-e2e.js';
import { openKiosk } from './support/open-kiosk.js';

const env = useKioskE2e();
const STILL = { idleMs: '600000', ticketIdleMs: '600000' };

type Records = { clips: string[] }[];

/** The kiosk reads the issued number and counter aloud with the board's phrase builder and clips. */
describe('kiosk: reading the number aloud', () => {
  it('with ?voice=on: says the number and counter with the shipped clips, fetched from the kiosk build', async () => {
    const { page, errors } = await openKiosk(env.browser, env.hub, { params: { ...STILL, voice: 'on' } });
    const clipStatuses: number[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/kiosk/voice/vi/')) clipStatuses.push(response.status());
    });
    await page.getByTestId('area-button-tang-3').click();
    await page.getByTestId('service-button-cong-an-xnc').click();
    await page.getByTestId('ticket-screen').waitFor();
    const number = (await page.getByTestId('ticket-number').textContent())!.trim();
    await page.waitForFunction(() => ((window as { __laysoAnnouncements?: Records }).__laysoAnnouncements ?? []).length > 0, undefined, { timeout: 10_000 });
    const records = await page.evaluate(() => (window as { __laysoAnnouncements?: Records }).__laysoAnnouncements!);
    expect(records.map((r) => r.clips)).toEqual([buildCallAnnouncement({ number, counter: 86, form: 'short', chime: false })]);
    expect(clipStatuses.length).toBeGreaterThan(0);
    expect(clipStatuses.every((status) => status === 200)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('off by default: says nothing', async () => {
    const { page } = await openKiosk(env.browser, env.hub, { params: STILL });
    await page.getByTestId('area-button-tang-3').click();
    await page.getByTestId('service-button-cong-an-xnc').click();
    await page.getByTestId('ticket-screen').waitFor();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as { __laysoAnnouncements?: Records }).__laysoAnnouncements ?? [])).toEqual([]);
    await page.context().close();
  });
});
