import { describe, expect, it } from 'vitest';
import { startTestHub } from '@layso/hub/testing';
import { fakeBridgeScript } from './support/fake-bridge.js';
import { adminDayOperation, adminServiceOperation, callNext, counterQueue, issueTicket, ticketStatus } from './support/hub-calls.js';
import { useKioskE2e } from './support/kiosk-e2e.js';
import { openKiosk } from './support/open-kiosk.js';
import { closedCenter, smallCenter } from './support/test-centers.js';

const env = useKioskE2e();

describe('kiosk: taking a number (demo center, real hub)', () => {
  it('area → service → shows the number the hub issued', async () => {
    const { page, errors } = await openKiosk(env.browser, env.hub);
    await page.getByTestId('area-button-tang-3').click();
    await page.getByTestId('service-button-cong-an-xnc').click();
    const number = await page.getByTestId('ticket-number').textContent();
    expect(number).toMatch(/^86\d{3}$/);
    const status = await ticketStatus(env.hub.url, env.hub.core.currentDay, number!);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ number, serviceId: 'cong-an-xnc', status: 'waiting' });
    expect(await page.getByTestId('ticket-counter').textContent()).toBe('Quầy số 86');
    // In a plain browser there is no printer: the citizen is asked to remember the number.
    expect(await page.getByTestId('ticket-print').textContent()).toBe('Vui lòng ghi nhớ số thứ tự của bạn');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the priority path issues a priority ticket', async () => {
    const { page } = await openKiosk(env.browser, env.hub);
    await page.getByTestId('priority-button').click();
    await page.getByTestId('priority-category-nguoi-cao-tuoi').click();
    await page.getByTestId('area-button-tang-3').click();
    expect(await page.getByTestId('priority-tag').textContent()).toContain('Người cao tuổi');
    await page.getByTestId('service-button-visa').click();
    const number = await page.getByTestId('ticket-number').textContent();
    expect(number).toMatch(/^87\d{3}$/);
    const queue = await counterQueue(env.hub.url, 87, env.hub.token('counter', 87));
    expect(queue.body.waiting.find((t) => t.number === number)).toMatchObject({ priority: 'nguoi-cao-tuoi', status: 'waiting' });
    expect(await page.getByTestId('ticket-priority').textContent()).toContain('Người cao tuổi');
    await page.context().close();
  });

  it('a double tap issues one ticket', async () => {
    const { page } = await openKiosk(env.browser, env.hub);
    await page.getByTestId('area-button-tang-2').click();
    const before = (await counterQueue(env.hub.url, 22, env.hub.token('counter', 22))).body.waiting.length;
    let posts = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/tickets')) posts++;
    });
    // Both taps reach the page before it can re-render: the strictest double tap.
    await page.evaluate(() => {
      const button = document.querySelector<HTMLButtonElement>('[data-testid="service-button-xay-dung"]')!;
      button.click();
      button.click();
    });
    await page.getByTestId('ticket-number').waitFor();
    expect(posts).toBe(1);
    const after = (await counterQueue(env.hub.url, 22, env.hub.token('counter', 22))).body.waiting.length;
    expect(after - before).toBe(1);
    await page.context().close();
  });

  it('"Giao dịch hiện tại" follows the counter live, without a reload', async () => {
    const { page } = await openKiosk(env.browser, env.hub);
    await page.getByTestId('area-button-tang-3').click();
    const button = page.getByTestId('service-button-y-te');
    expect(await button.getByTestId('service-current').textContent()).toBe('Chưa có');
    const issued = await issueTicket(env.hub.url, env.hub.token('kiosk'), 'y-te');
    await expect.poll(() => button.getByTestId('service-waiting').textContent()).toBe('1');
    const called = await callNext(env.hub.url, 64, env.hub.token('counter', 64));
    expect(called.body.ticket?.number).toBe(issued.body.number);
    await expect.poll(() => button.getByTestId('service-current').textContent()).toBe(issued.body.number);
    await expect.poll(() => button.getByTestId('service-waiting').textContent()).toBe('0');
    await page.context().close();
  });

  it('prints through the shell bridge when there is one', async () => {
    const { page } = await openKiosk(env.browser, env.hub, { initScript: fakeBridgeScript() });
    await page.getByTestId('area-button-tang-1').click();
    await page.getByTestId('service-button-thue').click();
    const number = await page.getByTestId('ticket-number').textContent();
    await expect.poll(() => page.getByTestId('ticket-print').getAttribute('data-state')).toBe('printed');
    expect(await page.getByTestId('ticket-print').textContent()).toBe('Vui lòng nhận phiếu in bên dưới');
    const printed = await page.evaluate(() => (window as unknown as { __laysoPrinted: unknown[] }).__laysoPrinted);
    expect(printed).toEqual([
      expect.objectContaining({ number, counter: 12, serviceName: 'Thuế', areaName: 'Tầng 1', timeZone: 'Asia/Ho_Chi_Minh', language: 'vi' }),
    ]);
    await page.context().close();
  });

  it('shows the printer problem when the shell cannot print', async () => {
    const { page } = await openKiosk(env.browser, env.hub, { initScript: fakeBridgeScript({ printFails: 'PAPER_OUT', printerState: 'not-ready' }) });
    expect(await page.getByTestId('printer-banner').textContent()).toBe('Máy in đang gặp sự cố, vui lòng ghi nhớ số thứ tự');
    await page.getByTestId('area-button-tang-1').click();
    await page.getByTestId('service-button-thue').click();
    await expect.poll(() => page.getByTestId('ticket-print').getAttribute('data-state')).toBe('failed');
    expect(await page.getByTestId('ticket-print').textContent()).toBe('Máy in đang gặp sự cố, vui lòng ghi nhớ số thứ tự');
    await page.context().close();
  });
});

describe('kiosk: full, inactive and closed (small centers)', () => {
  it('disables a service once it is full for the day, and one that takes no tickets', async () => {
    const small = await startTestHub({ config: smallCenter() });
    try {
      const { page } = await openKiosk(env.browser, small);
      await page.getByTestId('area-button-tang-1').click();
      const land = page.getByTestId('service-button-dat-dai');
      expect(await land.isDisabled()).toBe(true);
      expect(await land.getByTestId('service-reason').textContent()).toBe('Tạm ngưng nhận hồ sơ');
      await page.getByTestId('service-button-thue').click();
      expect(await page.getByTestId('ticket-number').textContent()).toBe('12001');
      await page.locator('[data-testid="ticket-done"][data-armed="true"]').click();
      await page.getByTestId('area-button-tang-1').click();
      const tax = page.getByTestId('service-button-thue');
      expect(await tax.isDisabled()).toBe(true);
      expect(await tax.getByTestId('service-reason').textContent()).toBe('Đã hết số thứ tự trong ngày');
      await page.context().close();
    } finally {
      await small.stop();
    }
  });

  it('greys out a service an admin pauses ("Tạm dừng"), live, and enables it again on resume', async () => {
    const small = await startTestHub({ config: smallCenter() });
    try {
      const { page, errors } = await openKiosk(env.browser, small);
      await page.getByTestId('area-button-tang-1').click();
      const justice = page.getByTestId('service-button-tu-phap');
      expect(await justice.isDisabled()).toBe(false);
      const admin = small.token('admin');
      expect((await adminServiceOperation(small.url, admin, 'tu-phap', 'pause')).status).toBe(200);
      await expect.poll(() => justice.getAttribute('data-availability')).toBe('paused');
      expect(await justice.isDisabled()).toBe(true);
      expect(await justice.getByTestId('service-reason').textContent()).toBe('Tạm dừng');
      expect((await adminServiceOperation(small.url, admin, 'tu-phap', 'resume')).status).toBe(200);
      await expect.poll(() => justice.isDisabled()).toBe(false);
      await justice.click();
      expect(await page.getByTestId('ticket-number').textContent()).toBe('60001');
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await small.stop();
    }
  });

  it('shows the closed screen as soon as an admin closes the day early, and home again on reopen', async () => {
    const small = await startTestHub({ config: smallCenter() });
    try {
      const { page } = await openKiosk(env.browser, small);
      await page.getByTestId('area-button-tang-1').waitFor();
      const admin = small.token('admin');
      expect((await adminDayOperation(small.url, admin, 'close')).status).toBe(200);
      await expect.poll(() => page.getByTestId('closed-notice').count()).toBe(1);
      expect(await page.getByTestId('closed-notice').textContent()).toContain('Hôm nay trung tâm đã ngừng cấp số');
      expect((await adminDayOperation(small.url, admin, 'reopen')).status).toBe(200);
      await page.getByTestId('area-button-tang-1').waitFor();
      expect(await page.getByTestId('closed-notice').count()).toBe(0);
      await page.context().close();
    } finally {
      await small.stop();
    }
  });

  it('a kiosk already on the services screen leaves it for the closed notice when the day is closed early', async () => {
    const small = await startTestHub({ config: smallCenter() });
    try {
      const { page, errors } = await openKiosk(env.browser, small);
      await page.getByTestId('area-button-tang-1').click();
      await page.getByTestId('service-button-tu-phap').waitFor();
      const admin = small.token('admin');
      expect((await adminDayOperation(small.url, admin, 'close')).status).toBe(200);
      // No service is offered any more: the citizen is not left to tap one and be refused.
      await page.getByTestId('closed-notice').waitFor({ timeout: 5_000 });
      expect(await page.getByTestId('services-screen').count()).toBe(0);
      expect(await page.getByTestId('closed-notice').textContent()).toContain('Hôm nay trung tâm đã ngừng cấp số');
      expect((await adminDayOperation(small.url, admin, 'reopen')).status).toBe(200);
      await page.getByTestId('area-button-tang-1').waitFor();

      // The same on the priority path, one step before the service.
      await page.getByTestId('priority-button').click();
      await page.getByTestId('priority-category-nguoi-cao-tuoi').click();
      await page.getByTestId('priority-areas-screen').waitFor();
      expect((await adminDayOperation(small.url, admin, 'close')).status).toBe(200);
      await page.getByTestId('closed-notice').waitFor({ timeout: 5_000 });
      expect(await page.getByTestId('priority-areas-screen').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await small.stop();
    }
  });

  it('says "Ngoài giờ làm việc" on home outside opening hours', async () => {
    const closed = await startTestHub({ config: closedCenter() });
    try {
      const { page } = await openKiosk(env.browser, closed);
      expect(await page.getByTestId('closed-notice').textContent()).toContain('Ngoài giờ làm việc');
      expect(await page.getByTestId('area-button-tang-1').count()).toBe(0);
      await page.context().close();
    } finally {
      await closed.stop();
    }
  });
});
