/**
 * Screenshots of every admin console page at 1366×768 with a realistic day in the
 * demo center, into docs/screenshots/admin-*.png. Needs the built console (pnpm build:web).
 *   npx tsx apps/hub/admin/e2e/screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, startTestHub, type TestHub } from '@layso/hub/testing';
import { DEMO_CENTER } from '../../src/demo/demo-center.js';
import { ADMIN_PASSWORD, ADMIN_USER, createAdminUser, DESKTOP, requireAdminBuild, signInThroughForm } from './support.js';

const OUT = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));
const VN_OFFSET_MS = 7 * 3_600_000;
const STEPS = 14;
/** Minutes of simulated time per step; shortened when it is early in the real day. */
let STEP_MIN = 24;

/** The hub's clock, moved by hand so the day's tickets spread over the morning. */
function movableClock() {
  const realNow = Date.now();
  const localMidnight = Math.floor((realNow + VN_OFFSET_MS) / 86_400_000) * 86_400_000 - VN_OFFSET_MS;
  let now = Math.max(localMidnight + 7.5 * 3_600_000, realNow - 7 * 3_600_000);
  STEP_MIN = Math.min(24, Math.max(1, (realNow - now) / 60_000 / STEPS));
  return {
    clock: { now: () => now },
    advance: (minutes: number) => (now = Math.min(realNow, now + minutes * 60_000)),
    /** Back to the real time, so sessions and the browser agree. */
    finish: () => (now = Date.now()),
  };
}

async function call(hub: TestHub, token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${hub.url}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Half a working day: arrivals every few minutes, counters calling and finishing, a few no-shows. */
async function aBusyMorning(hub: TestHub, advance: (minutes: number) => void): Promise<Map<number, string>> {
  const kiosk = hub.devices.create('kiosk', { name: 'Máy lấy số sảnh tầng 1' }).token;
  const plan: [string, number, number][] = [
    ['cong-an-xnc', 86, 3],
    ['tu-phap', 60, 2],
    ['y-te', 64, 2],
    ['visa', 87, 1],
    ['thong-tin-truyen-thong', 66, 1],
    ['dat-dai', 11, 2],
    ['thue', 12, 1],
  ];
  const counterTokens = new Map(plan.map(([, counter]) => [counter, hub.devices.create('counter', { counter, name: `Màn hình quầy ${counter}` }).token]));
  for (let step = 0; step < STEPS; step++) {
    // Mornings start busy and calm down towards lunch.
    const rush = step < 4 ? 1 : 0;
    for (const [serviceId, , perStep] of plan) {
      const count = Math.max(0, perStep + rush - ((step + perStep) % 3 === 0 ? 1 : 0));
      for (let i = 0; i < count; i++) {
        const priority = (step + i) % 7 === 0 ? { priority: 'nguoi-cao-tuoi' } : {};
        await call(hub, kiosk, 'POST', '/api/tickets', { serviceId, requestId: crypto.randomUUID(), ...priority });
      }
    }
    for (let round = 0; round < 2; round++) {
      advance(STEP_MIN / 4);
      for (const [, counter] of plan) {
        const token = counterTokens.get(counter)!;
        const answer = (await call(hub, token, 'POST', `/api/counters/${counter}/next`, {})) as { ticket: { day: string; number: string } | null };
        if (!answer.ticket) continue;
        if ((step + counter + round) % 11 === 0) {
          await call(hub, token, 'POST', `/api/counters/${counter}/skip`, {});
          continue;
        }
        advance(STEP_MIN / 40);
        await call(hub, token, 'POST', `/api/counters/${counter}/done`, {});
        const score = (step + counter) % 5 === 0 ? 'unsatisfied' : (step + counter) % 2 === 0 ? 'very-satisfied' : 'satisfied';
        await call(hub, token, 'POST', '/api/ratings', { day: answer.ticket.day, number: answer.ticket.number, score }).catch(() => {});
      }
    }
    advance(STEP_MIN / 4);
  }
  // Leave every counter serving someone and a few people waiting, as at any busy moment.
  for (const [serviceId, counter, perStep] of plan) {
    for (let i = 0; i <= perStep; i++) await call(hub, kiosk, 'POST', '/api/tickets', { serviceId, requestId: crypto.randomUUID() });
    advance(3);
    await call(hub, counterTokens.get(counter)!, 'POST', `/api/counters/${counter}/next`, {});
  }
  return counterTokens;
}

/** A paired kiosk with a printer running low, a hall board, and a console that went offline. */
async function aFleet(hub: TestHub, admin: string): Promise<string> {
  const pair = async (kind: 'kiosk' | 'counter-display', claim: Record<string, unknown>) => {
    const pairing = (await call(hub, '', 'POST', '/api/pairing', { kind, appVersion: '0.1.0' })) as { pairingId: string; code: string };
    await call(hub, admin, 'POST', '/api/admin/pairing', { code: pairing.code, ...claim });
    return ((await call(hub, '', 'GET', `/api/pairing/${pairing.pairingId}`)) as { token: string }).token;
  };
  const kiosk = await pair('kiosk', { role: 'kiosk', name: 'Máy lấy số sảnh tầng 3' });
  await call(hub, kiosk, 'PUT', '/api/devices/me/status', { appVersion: '0.1.0', printer: { state: 'ready', paperNearEnd: true } });
  const board = await pair('counter-display', { role: 'display', screen: 'board', name: 'Bảng hiển thị tầng 3' });
  await call(hub, board, 'PUT', '/api/devices/me/status', { appVersion: '0.1.0' });
  const console86 = await pair('counter-display', { role: 'counter', counter: 86, name: 'Màn hình quầy 86' });
  await call(hub, console86, 'PUT', '/api/devices/me/status', { appVersion: '0.0.9' });
  return kiosk;
}

/** An SMS gateway on loopback: it accepts every message except to one number, whose network is down. */
async function smsGateway(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.statusCode = body.includes('0987654999') ? 503 : 200;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms` };
}

/** Citizens who left their phone on the ticket page, then were called. */
async function someReminders(hub: TestHub, kiosk: string, counterToken: string): Promise<void> {
  const phones = ['0912345678', '0903111222', '0987654999', '0868123456'];
  for (const phone of phones) {
    const ticket = (await call(hub, kiosk, 'POST', '/api/tickets', { serviceId: 'tu-phap', requestId: crypto.randomUUID() })) as { day: string; number: string };
    await call(hub, '', 'POST', `/api/tickets/${ticket.day}/${ticket.number}/subscribe`, { phone });
  }
  for (let i = 0; i < 2; i++) await call(hub, counterToken, 'POST', '/api/counters/60/next', {});
  // Let the outbox try its messages.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
}

async function shot(page: Page, name: string, top = true): Promise<void> {
  if (top) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}admin-${name}.png`, animations: 'disabled' });
  console.log(`  admin-${name}.png`);
}

async function main(): Promise<void> {
  requireAdminBuild();
  mkdirSync(OUT, { recursive: true });
  const { clock, advance, finish } = movableClock();
  const gateway = await smsGateway();
  const hub = await startTestHub({
    clock,
    tickMs: 3_600_000,
    notifyRetry: { baseMs: 60_000, maxMs: 60_000 },
    config: { ...DEMO_CENTER, notify: { sms: { url: gateway.url } } },
  });
  const browser = await launchBrowser();
  try {
    await createAdminUser(hub);
    const counterTokens = await aBusyMorning(hub, advance);
    finish();
    const session = (await (
      await fetch(`${hub.url}/api/admin/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: ADMIN_USER, password: ADMIN_PASSWORD }) })
    ).json()) as { token: string };
    const kioskToken = await aFleet(hub, session.token);
    for (const [code, name] of [
      ['nva', 'Nguyễn Văn An'],
      ['ttb', 'Trần Thị Bình'],
      ['lhc', 'Lê Hoàng Cường'],
    ]) {
      await call(hub, session.token, 'POST', '/api/admin/clerks', { code, name, pin: '2468' });
    }
    await call(hub, counterTokens.get(86)!, 'POST', '/api/counters/86/clerk', { code: 'nva', pin: '2468' });
    await call(hub, counterTokens.get(60)!, 'POST', '/api/counters/60/clerk', { code: 'ttb', pin: '2468' });
    await call(hub, session.token, 'POST', '/api/admin/services/visa/pause');
    await someReminders(hub, hub.devices.create('kiosk', { name: 'Máy lấy số sảnh tầng 2' }).token, counterTokens.get(60)!);

    // The paired kiosk is running: it shows as online.
    const kiosk = await openPage(browser, `${hub.url}/kiosk/#token=${encodeURIComponent(kioskToken)}`);
    await kiosk.page.getByTestId('home-screen').waitFor();

    // The simulated morning moved the hub's clock by hand; back at real time that reads
    // as a jump, which is not what these pages are about.
    hub.core.acknowledgeClockWarnings();
    const { page } = await openPage(browser, `${hub.url}/admin/`, DESKTOP);
    page.setDefaultTimeout(15_000);
    await page.getByTestId('sign-in').waitFor();
    await shot(page, 'sign-in');
    await signInThroughForm(page);
    await page.getByTestId('chart-arrivals').locator('svg').waitFor();
    await shot(page, 'today');
    // Each counter's real state: clerk, console, serving which number for how long.
    await page.getByTestId('today-counters').scrollIntoViewIfNeeded();
    await shot(page, 'today-counters', false);
    await page.evaluate(() => window.scrollTo(0, 0));

    const pages: [string, string][] = [
      ['services', 'service-cong-an-xnc'],
      ['counters', 'counter-86'],
      ['devices', 'device-list'],
      ['reports', 'report-table'],
      ['operations', 'day-open'],
      ['clerks', 'clerk-list'],
      ['settings', 'hours-mon'],
      ['notifications', 'page-notifications'],
      ['audit', 'audit-list'],
      ['voice', 'voice-clip-den-quay-so'],
      ['backup', 'page-backup'],
    ];
    for (const [id, ready] of pages) {
      await page.getByTestId(`nav-${id}`).click();
      await page.getByTestId(ready).first().waitFor();
      await shot(page, id);
    }
    // A refused change: the hub's message sits under the field it is about.
    await page.getByTestId('nav-services').click();
    await page.getByTestId('add-service-tang-1').click();
    const form = page.getByTestId('service-form');
    await form.getByLabel('Mã').fill('lao-dong');
    await form.getByLabel('Tên', { exact: true }).fill('Lao động – Thương binh và Xã hội');
    await form.getByLabel('Tiền tố (XX)').fill('86');
    await form.getByTestId('service-save').click();
    await form.getByTestId('field-error-prefix').waitFor();
    await form.scrollIntoViewIfNeeded();
    await shot(page, 'service-error', false);

    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-table').waitFor();
    await page.getByTestId('chart-served').scrollIntoViewIfNeeded();
    await shot(page, 'reports-charts', false);

    // English, and the pairing form filled in.
    await page.getByTestId('language-toggle').click();
    await page.getByTestId('nav-today').click();
    await page.getByTestId('chart-arrivals').locator('svg').waitFor();
    await shot(page, 'today-en');
    await page.getByTestId('language-toggle').click();
    await page.getByTestId('nav-devices').click();
    await page.getByLabel('Mã ghép nối (6 số)').fill('482913');
    await page.getByLabel('Vai trò').selectOption('counter');
    await page.getByLabel('Quầy', { exact: true }).selectOption('87');
    await page.getByLabel('Tên thiết bị').fill('Màn hình quầy 87');
    await shot(page, 'pairing');

    // A tablet in portrait: the menu folds away.
    const tablet = await openPage(browser, `${hub.url}/admin/`, { width: 800, height: 1280 });
    await signInThroughForm(tablet.page);
    await tablet.page.getByTestId('chart-arrivals').locator('svg').waitFor();
    await tablet.page.screenshot({ path: `${OUT}admin-tablet.png` });
    console.log('  admin-tablet.png');
  } finally {
    await browser.close();
    await hub.stop();
    gateway.server.close();
  }
}

await main();
