import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { launchBrowser, startTestHub, type TestHub } from '@layso/hub/testing';
import { counterAction, createAdminUser, goTo, issueTicket, openAdmin, requireAdminBuild } from './support.js';

/** The hub's clock runs `offset` ms ahead of the real one, so a test can let minutes pass. */
let offset = 0;
let hub: TestHub;
let browser: Browser;
const sockets: Socket[] = [];

beforeAll(async () => {
  requireAdminBuild();
  hub = await startTestHub({ clock: { now: () => Date.now() + offset } });
  await createAdminUser(hub);
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await browser?.close();
  await hub?.stop();
});

/** A counter console's live connection, as the counter-display app keeps one. */
async function connectConsole(counter: number): Promise<Socket> {
  const socket = io(hub.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: hub.token('counter', counter) } });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** The page refetches the floor every 10 s (consoles going online send no queue event). */
const FLOOR_WAIT_MS = 25_000;

describe('admin console: the Today page says what is true at each counter', () => {
  it('no clerk and no console → says so; a console that connects and calls → serving 86001 for 2 minutes', async () => {
    const { page } = await openAdmin(browser, hub);
    await goTo(page, 'today');
    const row = page.getByTestId('today-counter-86');
    await expect.poll(() => row.getByTestId('counter-clerk').textContent()).toBe('Chưa có cán bộ đăng nhập');
    await expect(row.getByTestId('counter-console').textContent()).resolves.toBe('Màn hình quầy ngoại tuyến');
    await expect(row.getByTestId('counter-state').textContent()).resolves.toBe('Đang chờ gọi số');
    // Nobody serves anywhere yet: not "28/28 serving".
    await expect(page.getByTestId('tile-serving').textContent()).resolves.toMatch(/^0\/\d+/);
    await expect(page.getByTestId('tile-consoles').textContent()).resolves.toMatch(/^0\/\d+/);

    const first = await issueTicket(hub, 'cong-an-xnc');
    expect(first).toBe('86001');
    await issueTicket(hub, 'cong-an-xnc');
    const console86 = await connectConsole(86);
    await counterAction(hub, 86, 'next');
    // Two and a half minutes later (on the hub's clock).
    offset += 150_000;

    await expect.poll(() => row.getByTestId('counter-state').textContent(), { timeout: FLOOR_WAIT_MS }).toBe('Đang phục vụ 86001 · 2 phút');
    await expect(row.getByTestId('counter-console').textContent()).resolves.toBe('Màn hình quầy trực tuyến');
    await expect(row.getByTestId('counter-clerk').textContent()).resolves.toBe('Chưa có cán bộ đăng nhập');
    await expect(page.getByTestId('tile-serving').textContent()).resolves.toMatch(/^1\/\d+/);
    // The service level now: 86002 has waited 2 minutes.
    const service = page.getByTestId('today-service-cong-an-xnc');
    await expect(service.getByTestId('waiting').textContent()).resolves.toBe('1');
    await expect(service.getByTestId('longest-wait').textContent()).resolves.toBe('2 phút');
    // The estimate for a ticket taken now, in the words the kiosk and the phone page use.
    await expect(service.getByTestId('estimate').textContent()).resolves.toMatch(/^(dưới 5 phút|khoảng \d+–\d+ phút)$/);

    // The console goes away: the page says so without any queue event.
    console86.disconnect();
    await expect.poll(() => row.getByTestId('counter-console').textContent(), { timeout: FLOOR_WAIT_MS }).toBe('Màn hình quầy ngoại tuyến');
  });
});
