import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from '@layso/hub/testing';
import { decodeCp1258 } from '../src/printer/cp1258.js';
import { parseEscPos, printOnPaper } from '../src/test/escpos-stream-parser.js';
import { startRecordingPrinter, type RecordingPrinter } from '../src/test/recording-printer.js';
import { installPrintingBridge } from './support/printing-bridge.js';
import { useKioskE2e } from './support/kiosk-e2e.js';

const env = useKioskE2e();

async function adminCall(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${env.hub.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${env.hub.token('admin')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The device as the admin's fleet list shows it. */
async function fleetRow(deviceId: number) {
  const response = await fetch(`${env.hub.url}/api/admin/devices`, { headers: { Authorization: `Bearer ${env.hub.token('admin')}` } });
  const { devices } = (await response.json()) as { devices: { id: number; online: boolean; appVersion: string | null; printer: { state: string } | null }[] };
  return devices.find((d) => d.id === deviceId);
}

/** The text lines on paper so far. */
function printedLines(printer: RecordingPrinter): string[] {
  const paper = printOnPaper(parseEscPos(printer.emulator.bytes()).items, decodeCp1258);
  return paper.entries.flatMap((entry) => (entry.kind === 'text' ? [entry.text] : []));
}

describe('kiosk: first start, pairing and remote commands (real hub, real printer path)', () => {
  let printer: RecordingPrinter;
  beforeAll(async () => {
    printer = await startRecordingPrinter();
  });
  afterAll(async () => printer?.close());

  it('shows a pairing code without a token, reaches its home screen once the admin claims it, and reprints on command after a reload', async () => {
    const { page, errors } = await openPage(env.browser, 'about:blank');
    await installPrintingBridge(page, printer.url);
    await page.goto(`${env.hub.url}/kiosk/`);

    const codeBox = page.getByTestId('pairing-code');
    await page.waitForFunction(() => /^\d{6}$/.test(document.querySelector('[data-testid="pairing-code"]')?.getAttribute('data-code') ?? ''));
    const code = (await codeBox.getAttribute('data-code'))!;
    expect(await codeBox.textContent()).toBe(`${code.slice(0, 3)} ${code.slice(3)}`);
    expect(await page.getByTestId('pairing-hub').textContent()).toContain(env.hub.url);
    expect(await page.getByTestId('pairing-screen').textContent()).toContain('Nhập mã này tại trang Quản trị → Thiết bị');

    const claimed = await adminCall('/api/admin/pairing', { code, role: 'kiosk', name: 'Kiosk e2e' });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(201);
    const deviceId = (claimed.body.device as { id: number }).id;

    await page.getByTestId('home-screen').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('layso.kiosk.token'))).toMatch(/^lys_/);
    // The fleet shows it online, with its version and the printer state it reported.
    await expect
      .poll(async () => {
        const row = await fleetRow(deviceId);
        return row && { online: row.online, appVersion: row.appVersion, printer: row.printer?.state };
      })
      .toEqual({ online: true, appVersion: '0.1.0', printer: 'ready' });

    await page.getByTestId('area-button-tang-3').click();
    await page.getByTestId('service-button-cong-an-xnc').click();
    const number = (await page.getByTestId('ticket-number').textContent())!;
    expect(number).toMatch(/^86\d{3}$/);
    await expect.poll(() => printedLines(printer).filter((line) => line === number).length).toBe(1);
    expect(printedLines(printer)).not.toContain('IN LẠI');

    // The kiosk page reloads (or the kiosk restarts) before the admin asks for a copy:
    // the last ticket is not lost with the page's memory.
    await page.reload();
    await page.getByTestId('home-screen').waitFor();
    await expect.poll(async () => (await fleetRow(deviceId))?.online).toBe(true);
    const reprint = await adminCall(`/api/admin/devices/${deviceId}/commands`, { command: 'reprint-last' });
    expect(reprint).toEqual({ status: 200, body: { delivered: true, timedOut: false, result: { ok: true, message: 'printed' } } });
    const lines = printedLines(printer);
    expect(lines.filter((line) => line === number)).toHaveLength(2);
    // The second paper is the same ticket, marked as a copy at the top.
    expect(lines.slice(lines.lastIndexOf('IN LẠI'))).toContain(number);

    const test = await adminCall(`/api/admin/devices/${deviceId}/commands`, { command: 'test-print' });
    expect(test.body).toMatchObject({ delivered: true, result: { ok: true } });
    expect(printedLines(printer)).toContain('Kiểm tra máy in: ố ứ ự đ');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
