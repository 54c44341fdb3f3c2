// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogFixture, hubStateFixture, ticketFixture } from './testing/fixtures.js';
import { renderApp, type RenderedApp } from './testing/render-app.js';

let app: RenderedApp;

afterEach(() => {
  app?.unmount();
  vi.useRealTimers();
});

describe('kiosk screens', () => {
  beforeEach(() => {
    app = renderApp();
  });

  it('shows the areas, then the services with their counter, current number and waiting count', () => {
    expect(app.byTestId('area-button-tang-1')?.textContent).toContain('Tầng 1');
    app.click('area-button-tang-1');
    const justice = app.byTestId('service-button-tu-phap')!;
    expect(justice.textContent).toContain('Quầy60');
    expect(justice.textContent).toContain('Giao dịch hiện tại: 60003');
    expect(justice.textContent).toContain('Đang chờ: 4');
    expect((justice as HTMLButtonElement).disabled).toBe(false);
  });

  it('disables full and inactive services with the reason', () => {
    app.click('area-button-tang-1');
    const tax = app.byTestId('service-button-thue') as HTMLButtonElement;
    const land = app.byTestId('service-button-dat-dai') as HTMLButtonElement;
    expect(tax.disabled).toBe(true);
    expect(tax.textContent).toContain('Đã hết số thứ tự trong ngày');
    expect(land.disabled).toBe(true);
    expect(land.textContent).toContain('Tạm ngưng nhận hồ sơ');
  });

  it('greys out a service an admin paused ("Tạm dừng"), live, and it cannot be chosen', () => {
    app.click('area-button-tang-3');
    const catalog = catalogFixture();
    catalog.areas[1]!.services[0] = { ...catalog.areas[1]!.services[0]!, paused: true };
    act(() => app.store.getState().setHub(hubStateFixture(catalog)));
    const button = app.byTestId('service-button-cong-an-xnc') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.textContent).toContain('Tạm dừng');
    app.click('service-button-cong-an-xnc');
    expect(app.store.getState().busy).toBeNull();
  });

  it('says the center closed early today instead of the opening-hours hint', () => {
    act(() => app.store.getState().setHub(hubStateFixture({ ...catalogFixture(), open: false, closedEarly: true })));
    expect(app.byTestId('closed-notice')?.textContent).toContain('Hôm nay trung tâm đã ngừng cấp số');
  });

  it('shows "Chưa có" when nothing was called yet', () => {
    app.click('area-button-tang-3');
    expect(app.byTestId('service-button-cong-an-xnc')?.textContent).toContain('Giao dịch hiện tại: Chưa có');
  });

  it('updates a service when the hub pushes a change', () => {
    app.click('area-button-tang-3');
    const catalog = catalogFixture();
    const service = catalog.areas[1]!.services[0]!;
    catalog.areas[1]!.services[0] = { ...service, current: '86007', waiting: 9 };
    act(() => app.store.getState().setHub(hubStateFixture(catalog)));
    expect(app.byTestId('service-button-cong-an-xnc')?.textContent).toContain('Giao dịch hiện tại: 86007');
    expect(app.byTestId('service-button-cong-an-xnc')?.textContent).toContain('Đang chờ: 9');
  });

  it('says "Ngoài giờ làm việc" on home when the center is closed', () => {
    act(() => app.store.getState().setHub(hubStateFixture({ ...catalogFixture(), open: false })));
    expect(app.byTestId('closed-notice')?.textContent).toContain('Ngoài giờ làm việc');
    expect(app.byTestId('area-button-tang-1')).toBeNull();
  });

  it('switches to English and back', () => {
    app.click('language-toggle');
    expect(app.container.textContent).toContain('TAKE A NUMBER');
    expect(app.byTestId('area-button-tang-1')?.textContent).toContain('Floor 1');
    app.click('language-toggle');
    expect(app.container.textContent).toContain('LẤY SỐ THỨ TỰ');
  });

  it('shows the system-paused banner when the hub connection drops', () => {
    act(() => app.store.getState().setConnection('offline'));
    expect(app.byTestId('offline-banner')?.textContent).toBe('Hệ thống tạm ngưng, vui lòng chờ trong giây lát');
  });

  it('shows the ticket with its counter and asks to remember it in a plain browser', async () => {
    app.click('area-button-tang-3');
    app.click('service-button-cong-an-xnc');
    await act(async () => app.deps.api.issued[0]!.answer.resolve(ticketFixture({ ahead: 3, estWaitMin: 15 })));
    expect(app.byTestId('ticket-number')?.textContent).toBe('86001');
    expect(app.byTestId('ticket-counter')?.textContent).toBe('Quầy số 86');
    expect(app.byTestId('ticket-ahead')?.textContent).toBe('3 người');
    expect(app.byTestId('ticket-wait')?.textContent).toBe('khoảng 10–20 phút');
    expect(app.byTestId('ticket-print')?.textContent).toBe('Vui lòng ghi nhớ số thứ tự của bạn');
  });

  it('types the check-in digits on the keypad', () => {
    app.click('checkin-button');
    for (const digit of '860011234') app.click(`key-${digit}`);
    expect(app.byTestId('checkin-number')?.dataset.value).toBe('86001');
    expect(app.byTestId('checkin-phone')?.dataset.value).toBe('1234');
    expect((app.byTestId('checkin-submit') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('idle return', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    app = renderApp({ config: { idleMs: 30_000, ticketIdleMs: 10_000 } });
  });

  it('returns home from any screen after 30 s without a touch, and a touch restarts the count', () => {
    app.click('area-button-tang-1');
    act(() => vi.advanceTimersByTime(20_000));
    // A touch anywhere, even off the buttons, counts.
    act(() => void app.byTestId('services-screen')!.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true })));
    act(() => vi.advanceTimersByTime(20_000));
    expect(app.byTestId('services-screen')).not.toBeNull();
    act(() => vi.advanceTimersByTime(10_000));
    expect(app.byTestId('home-screen')).not.toBeNull();
  });

  it('returns home from the ticket after 10 s', async () => {
    app.click('area-button-tang-3');
    app.click('service-button-cong-an-xnc');
    await act(async () => app.deps.api.issued[0]!.answer.resolve(ticketFixture()));
    expect(app.byTestId('ticket-screen')).not.toBeNull();
    act(() => vi.advanceTimersByTime(9_999));
    expect(app.byTestId('ticket-screen')).not.toBeNull();
    act(() => vi.advanceTimersByTime(1));
    expect(app.byTestId('home-screen')).not.toBeNull();
  });

  it('ignores "Xong" right after the ticket appears (second tap of a double tap)', async () => {
    app.click('area-button-tang-3');
    app.click('service-button-cong-an-xnc');
    await act(async () => app.deps.api.issued[0]!.answer.resolve(ticketFixture()));
    app.click('ticket-done');
    expect(app.byTestId('ticket-screen')).not.toBeNull();
    act(() => vi.advanceTimersByTime(1_000));
    app.click('ticket-done');
    expect(app.byTestId('home-screen')).not.toBeNull();
  });

  it('brings an English home screen back to Vietnamese', () => {
    app.click('language-toggle');
    act(() => vi.advanceTimersByTime(30_000));
    expect(app.container.textContent).toContain('LẤY SỐ THỨ TỰ');
  });
});
