import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceCommandEvent } from '@layso/shared';
import { CommandDispatcher, commandRefusal, type CommandTransport } from './command-dispatcher.js';

function transport(online: number[]): CommandTransport & { sent: { deviceId: number; event: DeviceCommandEvent }[] } {
  const sent: { deviceId: number; event: DeviceCommandEvent }[] = [];
  return { sent, isOnline: (id) => online.includes(id), sendCommand: (deviceId, event) => sent.push({ deviceId, event }) };
}

describe('commandRefusal', () => {
  it('lets kiosks print and every screen reload or restart', () => {
    expect(commandRefusal('kiosk', 'reprint-last')).toBeNull();
    expect(commandRefusal('kiosk', 'test-print')).toBeNull();
    for (const role of ['kiosk', 'counter', 'display'] as const) {
      expect(commandRefusal(role, 'reload')).toBeNull();
      expect(commandRefusal(role, 'restart-app')).toBeNull();
    }
  });

  it('refuses printing on a console or display, and any command to portal or admin tokens', () => {
    expect(commandRefusal('counter', 'reprint-last')).toMatch(/kiosk/);
    expect(commandRefusal('display', 'test-print')).toMatch(/kiosk/);
    expect(commandRefusal('portal', 'reload')).toMatch(/portal/);
    expect(commandRefusal('admin', 'reload')).toMatch(/admin/);
  });
});

describe('CommandDispatcher', () => {
  afterEach(() => vi.useRealTimers());

  it('does not send to an offline device', () => {
    const t = transport([]);
    expect(new CommandDispatcher(t).send(7, 'reload')).toBeNull();
    expect(t.sent).toEqual([]);
  });

  it('resolves with the ack of the device it sent to', async () => {
    const t = transport([7]);
    const dispatcher = new CommandDispatcher(t);
    const outcome = dispatcher.send(7, 'test-print')!;
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]!.deviceId).toBe(7);
    expect(t.sent[0]!.event.command).toBe('test-print');
    dispatcher.acknowledge(7, { id: t.sent[0]!.event.id, ok: false, message: 'hết giấy' });
    await expect(outcome).resolves.toEqual({ timedOut: false, result: { ok: false, message: 'hết giấy' } });
  });

  it('ignores an ack for the right id from another device, and unknown ids', async () => {
    vi.useFakeTimers();
    const t = transport([7, 8]);
    const dispatcher = new CommandDispatcher(t, 5_000);
    const outcome = dispatcher.send(7, 'reload')!;
    dispatcher.acknowledge(8, { id: t.sent[0]!.event.id, ok: true });
    dispatcher.acknowledge(7, { id: 'not-a-command', ok: true });
    vi.advanceTimersByTime(5_000);
    await expect(outcome).resolves.toEqual({ timedOut: true, result: null });
  });

  it('a late ack after the time-out changes nothing', async () => {
    vi.useFakeTimers();
    const t = transport([7]);
    const dispatcher = new CommandDispatcher(t, 1_000);
    const outcome = dispatcher.send(7, 'reload')!;
    vi.advanceTimersByTime(1_000);
    dispatcher.acknowledge(7, { id: t.sent[0]!.event.id, ok: true });
    await expect(outcome).resolves.toEqual({ timedOut: true, result: null });
  });

  it('close() ends every wait', async () => {
    const t = transport([7]);
    const dispatcher = new CommandDispatcher(t, 60_000);
    const outcome = dispatcher.send(7, 'restart-app')!;
    dispatcher.close();
    await expect(outcome).resolves.toEqual({ timedOut: true, result: null });
  });
});
