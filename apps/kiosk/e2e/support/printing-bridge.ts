/**
 * A `window.layso` whose print calls run the kiosk shell's real printer service in
 * the test process, so tickets travel the same path as in Electron (validation,
 * ESC/POS encoding, TCP) to a recording printer on loopback.
 */
import type { Page } from 'playwright-core';
import { createPrinterService } from '../../src/main/printer-service.js';
import { printerDriver } from '../../src/main/printer-driver.js';
import type { KioskSettings } from '../../src/main/settings-schema.js';

export async function installPrintingBridge(page: Page, printerUrl: string): Promise<void> {
  const settings = { version: 1, hubUrl: 'http://127.0.0.1', token: 'unused', printer: printerUrl, paper: '80mm', textMode: 'cp1258', codePage: null } as unknown as KioskSettings;
  const service = createPrinterService(() => settings, printerDriver);
  await page.exposeFunction('__laysoPrint', (ticket: unknown) => service.print(ticket));
  await page.exposeFunction('__laysoPrintTestPage', (testPage: unknown) => service.printTestPage(testPage));
  await page.exposeFunction('__laysoPrinterStatus', () => service.status());
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, (...args: unknown[]) => Promise<unknown>> & { layso?: unknown };
    w.layso = {
      version: 1,
      printTicket: (ticket: unknown) => w.__laysoPrint!(ticket),
      printTestPage: (testPage: unknown) => w.__laysoPrintTestPage!(testPage),
      printerStatus: () => w.__laysoPrinterStatus!(),
      getSettings: async () => ({ ok: false, reason: 'WRONG_PIN' }),
      saveSettings: async () => ({ ok: false, reason: 'WRONG_PIN' }),
      openSettings: async () => undefined,
      closeSettings: async () => undefined,
    };
  });
}
