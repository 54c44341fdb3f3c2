import { describe, expect, it } from 'vitest';
import { PrinterError } from '../printer/printer-errors.js';
import { fakePrinterDriver } from './fake-printer-driver.js';
import { createPrintRateLimit } from './print-rate-limit.js';
import { createPrinterService } from './printer-service.js';
import { PRINTABLE, validSettings } from './test-support.js';

describe('printer service', () => {
  it('prints on the configured printer with the configured paper, text mode and code page', async () => {
    const driver = fakePrinterDriver();
    const service = createPrinterService(() => validSettings({ paper: '58mm', textMode: 'raster', codePage: 45 }), driver);
    expect(await service.print(PRINTABLE)).toEqual({ ok: true, warnings: ['status-unknown'] });
    expect(driver.jobs).toEqual([{ target: 'tcp://192.168.1.50:9100', ticket: PRINTABLE, options: { paper: '58mm', textMode: 'raster', codePage: 45 } }]);
  });

  it('turns a printer error into an outcome with its code', async () => {
    const driver = fakePrinterDriver();
    driver.failWith = new PrinterError('PAPER_OUT', 'printer at tcp://x is out of paper');
    const service = createPrinterService(() => validSettings(), driver);
    expect(await service.print(PRINTABLE)).toEqual({ ok: false, code: 'PAPER_OUT', message: 'printer at tcp://x is out of paper' });
    driver.failWith = new Error('something odd');
    expect(await service.print(PRINTABLE)).toEqual({ ok: false, code: 'PRINTER_FAULT', message: 'something odd' });
  });

  it('refuses a malformed ticket before touching the printer', async () => {
    const driver = fakePrinterDriver();
    const service = createPrinterService(() => validSettings(), driver);
    expect(await service.print({ ...PRINTABLE, number: '86000' })).toMatchObject({ ok: false, code: 'INVALID_TICKET' });
    expect(await service.print({ ...PRINTABLE, statusUrl: 'javascript:alert(1)' })).toMatchObject({ ok: false, code: 'INVALID_TICKET' });
    expect(await service.print('86001')).toMatchObject({ ok: false, code: 'INVALID_TICKET' });
    expect(driver.jobs).toHaveLength(0);
  });

  it('says when no printer is configured', async () => {
    const service = createPrinterService(() => validSettings({ printer: null }), fakePrinterDriver());
    expect(await service.print(PRINTABLE)).toMatchObject({ ok: false, code: 'NOT_CONFIGURED' });
    expect(await service.status()).toEqual({ state: 'not-configured' });
  });

  it('reports the printer health', async () => {
    const driver = fakePrinterDriver();
    const service = createPrinterService(() => validSettings(), driver);
    expect(await service.status()).toEqual({ state: 'ready', paperNearEnd: false });
    driver.status = { online: false, paperOut: true, paperNearEnd: true, coverOpen: false };
    expect(await service.status()).toMatchObject({ state: 'not-ready', code: 'PAPER_OUT' });
    driver.status = { online: true, paperOut: false, paperNearEnd: false, coverOpen: true };
    expect(await service.status()).toMatchObject({ state: 'not-ready', code: 'COVER_OPEN' });
    driver.status = 'unknown';
    expect(await service.status()).toEqual({ state: 'unknown' });
    driver.failWith = new PrinterError('CONNECT_FAILED', 'no route');
    expect(await service.status()).toMatchObject({ state: 'not-ready', code: 'CONNECT_FAILED' });
  });

  it('runs one printer job at a time', async () => {
    const driver = fakePrinterDriver();
    let active = 0;
    let maxActive = 0;
    const slow = driver.printTicket;
    driver.printTicket = async (...args) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
      return slow(...args);
    };
    const service = createPrinterService(() => validSettings(), driver);
    await Promise.all([service.print(PRINTABLE), service.print(PRINTABLE), service.status()]);
    expect(maxActive).toBe(1);
    expect(driver.jobs).toHaveLength(2);
  });
});

describe('printer service limits', () => {
  it('prints ticket text without control characters (printer commands)', async () => {
    const driver = fakePrinterDriver();
    const service = createPrinterService(() => validSettings(), driver);
    const outcome = await service.print({ ...PRINTABLE, serviceName: 'Công an\x1bp\x00\x19\xfa tỉnh\x1dV\x00', areaName: '\x1b@Tầng 3\x9b' });
    expect(outcome).toMatchObject({ ok: true });
    expect(driver.jobs[0]!.ticket).toMatchObject({ serviceName: 'Công anp\xfa tỉnhV', areaName: '@Tầng 3' });
    // Nothing but control characters is no text at all.
    expect(await service.print({ ...PRINTABLE, serviceName: '\x1b\x1d\x10' })).toMatchObject({ ok: false, code: 'INVALID_TICKET' });
  });

  it('refuses prints beyond the rate limit, then allows them again', async () => {
    const driver = fakePrinterDriver();
    let now = 0;
    const service = createPrinterService(() => validSettings(), driver, createPrintRateLimit({ burst: 3, refillMs: 4_000, now: () => now }));
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push((await service.print(PRINTABLE)).ok ? 'printed' : 'refused');
    expect(outcomes).toEqual(['printed', 'printed', 'printed', 'refused', 'refused']);
    expect(await service.printTestPage({ centerName: 'X', at: '2026-03-04T01:15:00.000Z', timeZone: 'Asia/Ho_Chi_Minh' })).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(driver.jobs).toHaveLength(3);
    now += 4_000;
    expect(await service.print(PRINTABLE)).toMatchObject({ ok: true });
    expect(driver.jobs).toHaveLength(4);
  });
});
