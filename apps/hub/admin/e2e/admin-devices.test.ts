import { describe, expect, it } from 'vitest';
import { openPage } from '@layso/hub/testing';
import { goTo, openAdmin, useAdminE2e, WAIT_MS } from './support.js';

const env = useAdminE2e();

describe('admin console: devices', () => {
  it('pairs a new kiosk by the code on its screen, lists it online, and revokes it', async () => {
    // A kiosk on its first start: no token, so it shows a pairing code.
    const kiosk = await openPage(env.browser, `${env.hub.url}/kiosk/`);
    kiosk.page.setDefaultTimeout(WAIT_MS);
    const codeOnScreen = kiosk.page.locator('[data-testid=pairing-code][data-code]:not([data-code=""])');
    await codeOnScreen.waitFor();
    const code = (await codeOnScreen.getAttribute('data-code'))!;
    expect(code).toMatch(/^\d{6}$/);

    const { page } = await openAdmin(env.browser, env.hub);
    await goTo(page, 'devices');
    const form = page.getByTestId('pair-form');
    // A wrong code is refused, and nothing is paired.
    await form.getByLabel('Mã ghép nối (6 số)').fill(code === '000000' ? '111111' : '000000');
    await form.getByLabel('Vai trò').selectOption('kiosk');
    await form.getByLabel('Tên thiết bị').fill('Máy lấy số sảnh tầng 1');
    await form.getByTestId('pair-submit').click();
    await form.getByTestId('error-banner').waitFor();
    expect(await kiosk.page.getByTestId('pairing-screen').count()).toBe(1);

    await form.getByLabel('Mã ghép nối (6 số)').fill(code);
    await form.getByTestId('pair-submit').click();
    await form.getByTestId('success-banner').filter({ hasText: 'Máy lấy số sảnh tầng 1' }).waitFor();

    // The kiosk picks up its token by itself and reaches its home screen.
    await kiosk.page.getByTestId('home-screen').waitFor({ timeout: 20_000 });
    const token = await kiosk.page.evaluate(() => localStorage.getItem('layso.kiosk.token'));
    expect(token).toBeTruthy();
    const whoAmI = () => fetch(`${env.hub.url}/api/device`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await (await whoAmI()).json()).toMatchObject({ role: 'kiosk', name: 'Máy lấy số sảnh tầng 1' });

    // The fleet lists it online, with its role in words.
    await page.getByTestId('devices-refresh').click();
    const row = page.locator('tr[data-name="Máy lấy số sảnh tầng 1"]');
    await row.getByTestId('device-online').waitFor();
    await expect(row.textContent()).resolves.toContain('Máy lấy số');

    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByTestId('confirm-dialog').getByTestId('confirm-yes').click();
    await row.getByText('Đã thu hồi').waitFor();
    // The kiosk's token is dead: its next call is refused.
    expect((await whoAmI()).status).toBe(401);
    for (const opened of [kiosk.page, page]) await opened.context().close();
  });

  it('tells a door screen from a hall board in the list, both paired as displays', async () => {
    const counter = env.hub.core.config.counters[0]!.number;
    /** A new counter-display's code, as its pairing screen would show it. */
    const askCode = async () => {
      const response = await fetch(`${env.hub.url}/api/pairing`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: 'counter-display', appVersion: '1.0.0' }) });
      return ((await response.json()) as { code: string }).code;
    };
    const { page } = await openAdmin(env.browser, env.hub);
    await goTo(page, 'devices');
    const form = page.getByTestId('pair-form');
    const pairDisplay = async (name: string, screen: 'door' | 'board') => {
      await form.getByLabel('Mã ghép nối (6 số)').fill(await askCode());
      await form.getByLabel('Vai trò').selectOption('display');
      await form.getByLabel('Loại màn hình').selectOption(screen);
      if (screen === 'door') await form.getByLabel('Quầy', { exact: true }).selectOption(String(counter));
      await form.getByLabel('Tên thiết bị').fill(name);
      await form.getByTestId('pair-submit').click();
      await form.getByTestId('success-banner').filter({ hasText: name }).waitFor();
    };
    await pairDisplay(`Cửa quầy ${counter}`, 'door');
    await pairDisplay('TV sảnh tầng 1', 'board');

    const door = page.locator(`tr[data-name="Cửa quầy ${counter}"]`).getByTestId('device-kind');
    await door.waitFor();
    expect(await door.textContent()).toBe('Màn hình trước quầy');
    await expect(page.locator(`tr[data-name="Cửa quầy ${counter}"]`).textContent()).resolves.toContain(`Quầy số ${counter}`);
    expect(await page.locator('tr[data-name="TV sảnh tầng 1"]').getByTestId('device-kind').textContent()).toBe('Bảng hiển thị chung');
    await page.context().close();
  });
});
