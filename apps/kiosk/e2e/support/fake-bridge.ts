/**
 * A stand-in for the Electron preload's `window.layso`, installed as an init script.
 * It records what the page asks to print so tests can check it.
 */
export interface FakeBridgeOptions {
  /** Answer of print-ticket: printed, or failed with this printer code. */
  printFails?: string;
  printerState?: 'ready' | 'not-ready' | 'unknown';
}

export function fakeBridgeScript(options: FakeBridgeOptions = {}): string {
  return `(() => {
    const options = ${JSON.stringify(options)};
    const printed = [];
    window.__laysoPrinted = printed;
    window.layso = {
      version: 1,
      printTicket: async (ticket) => {
        printed.push(ticket);
        return options.printFails ? { ok: false, code: options.printFails, message: 'fake printer' } : { ok: true, warnings: [] };
      },
      printerStatus: async () => options.printerState === 'not-ready'
        ? { state: 'not-ready', code: 'PAPER_OUT', message: 'fake printer' }
        : { state: options.printerState ?? 'ready', paperNearEnd: false },
      getSettings: async () => ({ ok: false, reason: 'WRONG_PIN' }),
      saveSettings: async () => ({ ok: false, reason: 'WRONG_PIN' }),
      openSettings: async () => { window.__laysoSettingsOpened = true; },
      closeSettings: async () => {},
    };
  })();`;
}
