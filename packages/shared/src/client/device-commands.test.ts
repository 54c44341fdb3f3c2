import { describe, expect, it } from 'vitest';
import type { DeviceCommandAck } from '../schemas/devices.js';
import { ACT_AFTER_ACK_MS, runDeviceCommand, type DeviceCommandHandlers } from './device-commands.js';

function setup(extra: Partial<DeviceCommandHandlers> = {}) {
  const acts: string[] = [];
  const acks: DeviceCommandAck[] = [];
  const delayed: { run: () => void; ms: number }[] = [];
  const handlers: DeviceCommandHandlers = { reload: () => acts.push('reload'), 'restart-app': () => acts.push('restart'), ...extra };
  const run = (raw: unknown) => runDeviceCommand(raw, handlers, (a) => acks.push(a), (r, ms) => delayed.push({ run: r, ms }));
  return { acts, acks, delayed, run };
}

describe('runDeviceCommand', () => {
  it('answers a reload first and reloads a moment later', async () => {
    const s = setup();
    await s.run({ id: 'c1', command: 'reload' });
    expect(s.acks).toEqual([{ id: 'c1', ok: true, message: 'reloading' }]);
    expect(s.acts).toEqual([]);
    expect(s.delayed[0]!.ms).toBe(ACT_AFTER_ACK_MS);
    s.delayed[0]!.run();
    expect(s.acts).toEqual(['reload']);
  });

  it('runs a print command and answers with its outcome, or its error', async () => {
    const ok = setup({ 'test-print': () => Promise.resolve({ ok: true, message: 'printed' }) });
    await ok.run({ id: 'c2', command: 'test-print' });
    expect(ok.acks).toEqual([{ id: 'c2', ok: true, message: 'printed' }]);
    const failing = setup({ 'reprint-last': () => Promise.reject(new Error('PAPER_OUT')) });
    await failing.run({ id: 'c3', command: 'reprint-last' });
    expect(failing.acks).toEqual([{ id: 'c3', ok: false, message: 'PAPER_OUT' }]);
  });

  it('says so when this device cannot print, and refuses unknown commands', async () => {
    const s = setup();
    await s.run({ id: 'c4', command: 'test-print' });
    await s.run({ id: 'c5', command: 'format-disk' });
    await s.run('garbage');
    expect(s.acks).toEqual([
      { id: 'c4', ok: false, message: 'test-print is not supported on this device' },
      { id: 'c5', ok: false, message: 'unknown command' },
    ]);
    expect(s.acts).toEqual([]);
  });
});
