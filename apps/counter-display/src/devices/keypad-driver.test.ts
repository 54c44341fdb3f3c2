import { afterEach, describe, expect, it } from 'vitest';
import { FakeSerialDevice } from '@layso/electron-shell/testing/serial';
import { ManualTimers, settle } from '@layso/electron-shell/testing';
import type { KeypadAction } from './keypad-actions.js';
import { KeypadDriver, type KeypadDriverOptions } from './keypad-driver.js';
import type { ConnectionStatus } from '@layso/electron-shell/serial';

const drivers: KeypadDriver[] = [];
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((driver) => driver.stop()));
});

function setup(options: Partial<KeypadDriverOptions> = {}) {
  const device = new FakeSerialDevice();
  const timers = new ManualTimers();
  const actions: KeypadAction[] = [];
  const statuses: ConnectionStatus[] = [];
  const driver = new KeypadDriver({
    path: '/dev/ttyKEYS',
    portFactory: device.factory,
    timers,
    now: timers.now,
    onAction: (action) => actions.push(action),
    onStatusChange: (status) => statuses.push(status),
    ...options,
  });
  drivers.push(driver);
  return { device, timers, driver, actions, statuses };
}

describe('KeypadDriver', () => {
  it('emits mapped actions in order from the port and ignores the rest', async () => {
    const { device, driver, actions } = setup();
    driver.start();
    await settle();
    device.receive('1\r\n');
    device.receive('2\r\n3?4');
    expect(actions).toEqual(['next', 'recall', 'no-show', 'done']);
    expect(device.ports[0]?.options).toEqual({ path: '/dev/ttyKEYS', baudRate: 9600 });
  });

  it('debounces with the injected clock', async () => {
    const { device, driver, actions, timers } = setup({ debounceMs: 500 });
    driver.start();
    await settle();
    device.receive('1');
    await timers.advance(499);
    device.receive('1');
    await timers.advance(500);
    device.receive('1');
    expect(actions).toEqual(['next', 'next']);
  });

  it('supports several listeners and unsubscribing', async () => {
    const { device, driver, actions, timers } = setup({ keyMap: { a: 'done' } });
    const extra: KeypadAction[] = [];
    const off = driver.onAction((action) => extra.push(action));
    driver.start();
    await settle();
    device.receive('a1');
    off();
    await timers.advance(300);
    device.receive('a');
    expect(actions).toEqual(['done', 'done']);
    expect(extra).toEqual(['done']);
  });

  it('reconnects after the keypad is unplugged and keeps emitting', async () => {
    const { device, driver, actions, statuses, timers } = setup();
    driver.start();
    await settle();
    device.receive('1');
    device.unplug();
    expect(driver.status).toBe('disconnected');
    await timers.advance(200);
    expect(driver.status).toBe('disconnected');
    device.plugIn();
    await timers.advance(400);
    expect(driver.status).toBe('connected');
    device.receive('4');
    expect(actions).toEqual(['next', 'done']);
    expect(statuses).toEqual(['connected', 'disconnected', 'connected']);
  });
});
