import { describe, expect, it } from 'vitest';
import { openPage } from '@layso/hub/testing';
import { goTo, openAdmin, useAdminE2e, WAIT_MS } from './support.js';

const env = useAdminE2e();

describe('admin console: services and counters', () => {
  it('creates a service and a counter that a running kiosk and hall board show at once', async () => {
    const kiosk = await openPage(env.browser, `${env.hub.url}/kiosk/#token=${encodeURIComponent(env.hub.token('kiosk'))}`);
    kiosk.page.setDefaultTimeout(WAIT_MS);
    await kiosk.page.getByTestId('home-screen').waitFor();
    const board = await openPage(env.browser, `${env.hub.url}/board?area=tang-1#token=${encodeURIComponent(env.hub.token('display'))}`, { width: 1920, height: 1080 });
    board.page.setDefaultTimeout(WAIT_MS);
    await board.page.getByTestId('board').waitFor();
    expect(await board.page.getByTestId('board-counter-95').count()).toBe(0);

    const { page } = await openAdmin(env.browser, env.hub);
    await goTo(page, 'services');
    await page.getByTestId('add-service-tang-1').click();
    const form = page.getByTestId('service-form');
    await form.getByLabel('Mã').fill('lao-dong');
    await form.getByLabel('Tên', { exact: true }).fill('Lao động – Thương binh và Xã hội');
    await form.getByLabel('Tên tiếng Anh').fill('Labour and Social Affairs');
    // 11 belongs to "Đất đai": the hub says so next to the prefix field, and nothing is saved.
    await form.getByLabel('Tiền tố (XX)').fill('11');
    await form.getByTestId('service-save').click();
    await expect(form.getByTestId('field-error-prefix').textContent()).resolves.toMatch(/11/);
    expect(env.hub.core.config.areas.flatMap((a) => a.services).some((s) => s.id === 'lao-dong')).toBe(false);

    await form.getByLabel('Tiền tố (XX)').fill('95');
    await form.getByLabel('Giới hạn số mỗi ngày').fill('200');
    await form.getByTestId('service-save').click();
    await page.getByTestId('service-lao-dong').waitFor();
    await expect(page.getByTestId('service-lao-dong').textContent()).resolves.toContain('Lao động – Thương binh và Xã hội');

    await goTo(page, 'counters');
    await page.getByTestId('add-counter').click();
    const counterForm = page.getByTestId('counter-form');
    await counterForm.getByLabel('Số quầy').fill('95');
    await counterForm.getByLabel('Khu vực').selectOption('tang-1');
    // A counter must serve something: the hub's message appears under the services list.
    await counterForm.getByTestId('counter-save').click();
    await counterForm.getByTestId('field-error-serviceIds').waitFor();
    expect(env.hub.core.config.counters.some((c) => c.number === 95)).toBe(false);

    await counterForm.getByTestId('picker-add').selectOption('lao-dong');
    await counterForm.getByTestId('picker-add').selectOption('dat-dai');
    await counterForm.getByRole('button', { name: 'Lên: 11 · Đất đai' }).click();
    await counterForm.getByTestId('counter-save').click();
    await page.getByTestId('counter-95').waitFor();
    expect(env.hub.core.config.counters.find((c) => c.number === 95)?.serviceIds).toEqual(['dat-dai', 'lao-dong']);

    // The running kiosk offers the new service, and the floor-1 board shows the new counter.
    await kiosk.page.getByTestId('area-button-tang-1').click();
    await kiosk.page.getByTestId('service-button-lao-dong').waitFor();
    await board.page.getByTestId('board-counter-95').waitFor();

    // The audit log names who did it.
    await goTo(page, 'audit');
    await expect(page.getByTestId('audit-list').textContent()).resolves.toContain('Thêm lĩnh vực Lao động – Thương binh và Xã hội');
    await expect(page.getByTestId('audit-list').textContent()).resolves.toContain('quantri');
    for (const opened of [kiosk.page, board.page, page]) await opened.context().close();
  });
});
