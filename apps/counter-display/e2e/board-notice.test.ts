import { describe, expect, it } from 'vitest';
import { buildCallAnnouncement } from '@layso/shared';
import { useHubAndBrowser } from '@layso/hub/testing';
import { announcements, counterCommand, issueTickets, openBoard, requireBuiltRenderer, waitForAnnouncements } from './support.js';

/** The center's settings from the admin console (docs/admin-center.md) reach an open board live. */
describe('board notice and announcement defaults from the admin console', () => {
  const env = useHubAndBrowser({ requireBuilt: requireBuiltRenderer });

  async function settings(body: unknown): Promise<void> {
    const response = await fetch(`${env.hub.url}/api/admin/settings`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${env.hub.token('admin')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 200) throw new Error(`settings failed: ${response.status} ${await response.text()}`);
  }

  it('shows the center notice as a scrolling line, updates and removes it without a reload', async () => {
    const { page, errors } = await openBoard(env.browser, env.hub, '?area=tang-3&mute=1');
    const own = (await openBoard(env.browser, env.hub, `?area=tang-3&mute=1&notice=${encodeURIComponent('Quầy 86 nghỉ trưa')}`)).page;
    expect(await page.getByTestId('notice-bar').count()).toBe(0);

    await settings({ boardNotice: 'Chiều thứ Sáu trung tâm nghỉ họp' });
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toBe('Chiều thứ Sáu trung tâm nghỉ họp');
    // It scrolls: the text is animated, slowly (at least 12 s a pass).
    const duration = await page.locator('[data-testid=notice-bar] .notice-text').evaluate((el) => getComputedStyle(el).animationDuration);
    expect(parseFloat(duration)).toBeGreaterThanOrEqual(12);

    await settings({ boardNotice: 'Sáng thứ Bảy làm việc bình thường' });
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toBe('Sáng thứ Bảy làm việc bình thường');
    // A board with a notice of its own keeps it.
    expect(await own.getByTestId('notice-bar').textContent()).toBe('Quầy 86 nghỉ trưa');

    await settings({ boardNotice: null });
    await expect.poll(() => page.getByTestId('notice-bar').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
    await own.context().close();
  });

  it('repeats each call as many times as the center says', async () => {
    const { page } = await openBoard(env.browser, env.hub, '?area=tang-3&mute=1');
    // The notice in the same change shows when the board has the new settings.
    await settings({ announcement: { volume: 60, repeat: 2 }, boardNotice: 'Thử loa' });
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toBe('Thử loa');
    const [number] = await issueTickets(env.hub, 'cong-an-xnc', 1);
    await counterCommand(env.hub, 86, 'next');
    const said = await waitForAnnouncements(page, 2);
    expect(said.map((a) => a.clips)).toEqual([
      buildCallAnnouncement({ number: number!, counter: 86 }),
      buildCallAnnouncement({ number: number!, counter: 86 }),
    ]);
    expect(await announcements(page)).toHaveLength(2);
    await page.context().close();
  });
});
