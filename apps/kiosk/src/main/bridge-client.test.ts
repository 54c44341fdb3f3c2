import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, IPC_EVENTS, type KioskBridge } from './bridge-api.js';
import { createBridge, type Subscribe } from './bridge-client.js';

function recordingBridge() {
  const calls: { channel: string; args: unknown[] }[] = [];
  const bridge = createBridge(async (channel, ...args) => {
    calls.push({ channel, args });
    return { answered: channel };
  });
  return { bridge, calls };
}

describe('the window.layso bridge', () => {
  it('exposes exactly the KioskBridge calls and a version', () => {
    const { bridge } = recordingBridge();
    const expected: (keyof KioskBridge)[] = ['version', 'printTicket', 'printerStatus', 'getSettings', 'saveSettings', 'openSettings', 'closeSettings', 'printTestPage', 'restartApp', 'savePairedToken', 'onScan'];
    expect(Object.keys(bridge).sort()).toEqual([...expected].sort());
    expect(bridge.version).toBe(1);
    for (const key of expected.filter((k) => k !== 'version')) expect(typeof bridge[key]).toBe('function');
  });

  it('uses kebab-case channels, one per call', () => {
    const channels = [...Object.values(IPC_CHANNELS), ...Object.values(IPC_EVENTS)];
    expect(new Set(channels).size).toBe(channels.length);
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+(-[a-z]+)+$/);
  });

  it('forwards each call and its plain arguments to its channel', async () => {
    const { bridge, calls } = recordingBridge();
    const ticket = { number: '86001' } as never;
    await bridge.printTicket(ticket);
    await bridge.printerStatus();
    await bridge.getSettings('1234');
    await bridge.saveSettings('1234', { hubUrl: 'http://h' } as never);
    await bridge.openSettings();
    await bridge.closeSettings();
    const page = { centerName: 'TT', at: '2026-11-23T01:00:00Z', timeZone: 'Asia/Ho_Chi_Minh' };
    await bridge.printTestPage!(page);
    await bridge.restartApp!();
    await bridge.savePairedToken!('lys_t');
    expect(calls).toEqual([
      { channel: 'print-ticket', args: [ticket] },
      { channel: 'printer-status', args: [] },
      { channel: 'get-settings', args: ['1234'] },
      { channel: 'save-settings', args: ['1234', { hubUrl: 'http://h' }] },
      { channel: 'open-settings', args: [] },
      { channel: 'close-settings', args: [] },
      { channel: 'print-test-page', args: [page] },
      { channel: 'restart-app', args: [] },
      { channel: 'save-paired-token', args: ['lys_t'] },
    ]);
  });

  it('hands serial scans to the page as bounded strings only, and unsubscribes', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const subscribe: Subscribe = (channel, listener) => {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    };
    const bridge = createBridge(async () => undefined, subscribe);
    const scans: string[] = [];
    const stop = bridge.onScan!((payload) => scans.push(payload));
    const emit = listeners.get('scanner-scan')!;
    emit('079090001234|x');
    emit({ not: 'text' });
    emit('');
    emit('9'.repeat(1025));
    emit('9'.repeat(1024));
    expect(scans).toEqual(['079090001234|x', '9'.repeat(1024)]);
    stop();
    expect(listeners.has('scanner-scan')).toBe(false);
  });
});
