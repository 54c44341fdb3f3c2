import { describe, expect, it } from 'vitest';
import { openPage, useHubAndBrowser } from '@layso/hub/testing';
import { requireBuiltRenderer, VIEWPORTS, WAIT_MS } from './support.js';

/** A new screen on the wall: opened at /board with no token, paired by the admin as the door screen of counter 86. */
describe('counter-display: first start and pairing', { timeout: 60_000 }, () => {
  const env = useHubAndBrowser({ requireBuilt: requireBuiltRenderer });

  async function admin(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${env.hub.url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${env.hub.token('admin')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('shows a code, opens the screen the admin chose once claimed, and reloads on command', async () => {
    const { page, errors } = await openPage(env.browser, `${env.hub.url}/board`, VIEWPORTS.door);
    page.setDefaultTimeout(WAIT_MS);
    await page.waitForFunction(() => /^\d{6}$/.test(document.querySelector('[data-testid="pairing-code"]')?.getAttribute('data-code') ?? ''));
    const code = (await page.getByTestId('pairing-code').getAttribute('data-code'))!;
    expect(await page.getByTestId('pairing-screen').textContent()).toContain('Nhập mã này tại trang Quản trị → Thiết bị');

    const claimed = await admin('/api/admin/pairing', { code, role: 'display', screen: 'door', counter: 86, name: 'Màn hình cửa quầy 86' });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(201);
    await page.waitForURL(/\/door\?counter=86$/);
    await page.waitForSelector('[data-testid=door-number]');
    expect(await page.evaluate(() => localStorage.getItem('layso.counter-display.token'))).toMatch(/^lys_/);

    const deviceId = (claimed.body.device as { id: number }).id;
    await expect
      .poll(async () => {
        const response = await fetch(`${env.hub.url}/api/admin/devices`, { headers: { Authorization: `Bearer ${env.hub.token('admin')}` } });
        const { devices } = (await response.json()) as { devices: { id: number; online: boolean; appVersion: string | null }[] };
        const row = devices.find((d) => d.id === deviceId);
        return row && { online: row.online, appVersion: row.appVersion };
      })
      .toEqual({ online: true, appVersion: '0.1.0' });
    await page.evaluate(() => ((window as unknown as { __beforeReload: boolean }).__beforeReload = true));
    const reload = await admin(`/api/admin/devices/${deviceId}/commands`, { command: 'reload' });
    expect(reload).toEqual({ status: 200, body: { delivered: true, timedOut: false, result: { ok: true, message: 'reloading' } } });
    // The page really reloaded (its window state is fresh) and came back on the door screen.
    await page.waitForFunction(() => (window as unknown as { __beforeReload?: boolean }).__beforeReload === undefined);
    await page.waitForSelector('[data-testid=door-number]');
    const printing = await admin(`/api/admin/devices/${deviceId}/commands`, { command: 'test-print' });
    expect(printing.status).toBe(409);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
