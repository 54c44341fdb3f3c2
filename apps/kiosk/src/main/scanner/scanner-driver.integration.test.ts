import { waitFor } from '@layso/electron-shell/testing';
import { startSocatPtyPair, type SocatPtyPair } from '@layso/electron-shell/testing/serial';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { createScannerDriver, type ScannerDriver } from './scanner-driver.js';

const PAYLOAD = '079090001234|025123456|Nguyễn Văn An|01011990|Nam|12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|15062021';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** The scanner's end of the pty pair: what the USB-CDC scanner writes when a code is read. */
async function scannerEnd(pair: SocatPtyPair): Promise<SerialPort> {
  const port = new SerialPort({ path: pair.pathB, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  cleanups.push(() => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())));
  return port;
}

function write(port: SerialPort, data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    port.write(data, (error) => (error ? reject(error) : port.drain((e) => (e ? reject(e) : resolve()))));
  });
}

function startDriver(path: string, scans: string[], logs: string[], extra: { maxLength?: number } = {}): ScannerDriver {
  const driver = createScannerDriver({ path, onScan: (s) => scans.push(s), log: (m) => logs.push(m), retryMs: 50, ...extra });
  driver.start();
  cleanups.push(() => driver.stop());
  return driver;
}

describe('scanner driver over a socat pty pair (real serialport)', () => {
  it('delivers each CR/LF-terminated scan once, Vietnamese intact, and never logs the payload', async () => {
    const pair = await startSocatPtyPair();
    cleanups.push(pair.stop);
    const scans: string[] = [];
    const logs: string[] = [];
    const driver = startDriver(pair.pathA, scans, logs);
    await waitFor('the driver to open the port', () => driver.connected);
    const scanner = await scannerEnd(pair);

    const bytes = Buffer.from(`${PAYLOAD}\r\n`, 'utf8');
    // Split mid-character, as a USB packet boundary may.
    await write(scanner, bytes.subarray(0, 40));
    await write(scanner, bytes.subarray(40));
    await write(scanner, 'LS-0042\r');
    await waitFor('two scans', () => scans.length === 2);
    expect(scans).toEqual([PAYLOAD, 'LS-0042']);
    expect(logs.join('\n')).not.toMatch(/079090001234|Nguyễn/);
  });

  it('drops an over-long burst and keeps reading', async () => {
    const pair = await startSocatPtyPair();
    cleanups.push(pair.stop);
    const scans: string[] = [];
    const logs: string[] = [];
    const driver = startDriver(pair.pathA, scans, logs, { maxLength: 256 });
    await waitFor('the driver to open the port', () => driver.connected);
    const scanner = await scannerEnd(pair);

    await write(scanner, `${'9'.repeat(4000)}\r\n`);
    await write(scanner, `${PAYLOAD}\n`);
    await waitFor('the good scan', () => scans.length === 1);
    expect(scans).toEqual([PAYLOAD]);
    expect(logs.some((l) => l.includes('over-long'))).toBe(true);
  });

  it('waits for a scanner that is not plugged in yet and connects when it appears', async () => {
    const scans: string[] = [];
    const logs: string[] = [];
    // Start against a path that does not exist yet; the pty pair appears later under that name.
    const pair = await startSocatPtyPair();
    cleanups.push(pair.stop);
    const missing = `${pair.pathA}-later`;
    const driver = startDriver(missing, scans, logs);
    await waitFor('the first failed open', () => logs.some((l) => l.includes('not available')));
    expect(driver.connected).toBe(false);
    const { symlinkSync, unlinkSync, realpathSync } = await import('node:fs');
    symlinkSync(realpathSync(pair.pathA), missing);
    cleanups.push(async () => unlinkSync(missing));
    await waitFor('the driver to connect once the port exists', () => driver.connected);
    const scanner = await scannerEnd(pair);
    await write(scanner, `${PAYLOAD}\r`);
    await waitFor('the scan', () => scans.length === 1);
    expect(scans).toEqual([PAYLOAD]);
    // One log line for the missing port, not one per retry.
    expect(logs.filter((l) => l.includes('not available'))).toHaveLength(1);
  });
});
