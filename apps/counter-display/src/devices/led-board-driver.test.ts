import { afterEach, describe, expect, it } from 'vitest';
import { FakeSerialDevice } from '@layso/electron-shell/testing/serial';
import { ManualTimers, settle } from '@layso/electron-shell/testing';
import { LedBoardDriver, type LedBoardDriverOptions } from './led-board-driver.js';

const drivers: LedBoardDriver[] = [];
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((driver) => driver.stop()));
});

function setup(options: Partial<LedBoardDriverOptions> = {}) {
  const device = new FakeSerialDevice();
  const timers = new ManualTimers();
  const driver = new LedBoardDriver({ path: '/dev/ttyLED', portFactory: device.factory, timers, ...options });
  drivers.push(driver);
  const sent = () => device.written.map((chunk) => chunk.toString('latin1'));
  return { device, timers, driver, sent };
}

describe('LedBoardDriver', () => {
  it('sends the number when it changes and not when it does not', async () => {
    const { driver, sent } = setup();
    driver.start();
    await settle();
    driver.show({ current: '86001' });
    driver.show({ current: '86001' });
    driver.show({ current: '86002' });
    driver.show({ current: null });
    driver.show({ current: null });
    driver.show({ current: '86002', paused: true });
    driver.show({ current: null, paused: true });
    await settle();
    expect(sent()).toEqual(['86001\r\n', '86002\r\n', '----\r\n', 'PAUSE\r\n']);
  });

  it('uses the configured protocol, address, terminator and texts', async () => {
    const { driver, device } = setup({ protocol: 'framed', address: 2, texts: { idle: '' } });
    driver.start();
    await settle();
    driver.show({ current: '86001' });
    driver.show({ current: null });
    await settle();
    expect(device.written.map((chunk) => [...chunk])).toEqual([
      [0x02, 0x02, 0x05, 0x38, 0x36, 0x30, 0x30, 0x31, 0x02 ^ 0x05 ^ 0x38 ^ 0x36 ^ 0x30 ^ 0x30 ^ 0x31, 0x03],
      [0x02, 0x02, 0x00, 0x02, 0x03],
    ]);

    const ascii = setup({ lineTerminator: '\n' });
    ascii.driver.start();
    await settle();
    ascii.driver.show({ current: '12003' });
    await settle();
    expect(ascii.sent()).toEqual(['12003\n']);
  });

  it('fails at construction for an unknown protocol or a bad address', () => {
    expect(() => new LedBoardDriver({ path: '/dev/x', protocol: 'nope' })).toThrow(/unknown LED protocol/);
    expect(() => new LedBoardDriver({ path: '/dev/x', protocol: 'framed', address: 0 })).toThrow(RangeError);
  });

  it('refuses text the protocol cannot carry and keeps showing the previous number', async () => {
    const { driver, sent } = setup();
    driver.start();
    await settle();
    driver.show({ current: '86001' });
    expect(() => driver.show({ current: 'Số 86002' })).toThrow(RangeError);
    driver.show({ current: '86001' });
    await settle();
    expect(sent()).toEqual(['86001\r\n']);
  });

  it('sends a number set while disconnected once the board connects', async () => {
    const { device, timers, driver, sent } = setup({ baudRate: 2400 });
    device.present = false;
    driver.start();
    await settle();
    driver.show({ current: '86001' });
    driver.show({ current: '86003' });
    expect(sent()).toEqual([]);
    device.plugIn();
    await timers.advance(200);
    expect(sent()).toEqual(['86003\r\n']);
    expect(device.ports[0]?.options.baudRate).toBe(2400);
  });

  it('resends the last number after a reconnect and reports the status', async () => {
    const statuses: string[] = [];
    const { device, timers, driver, sent } = setup({ onStatusChange: (status) => statuses.push(status) });
    driver.start();
    await settle();
    driver.show({ current: '86001' });
    await settle();
    device.unplug();
    expect(driver.status).toBe('disconnected');
    device.plugIn();
    await timers.advance(200);
    expect(driver.status).toBe('connected');
    expect(sent()).toEqual(['86001\r\n', '86001\r\n']);
    expect(statuses).toEqual(['connected', 'disconnected', 'connected']);
  });

  it('with resendOnReconnect off, sends after a reconnect only what changed meanwhile', async () => {
    const { device, timers, driver, sent } = setup({ resendOnReconnect: false });
    driver.start();
    await settle();
    driver.show({ current: '86001' });
    await settle();
    device.unplug();
    device.plugIn();
    await timers.advance(200);
    expect(sent()).toEqual(['86001\r\n']);

    device.unplug();
    driver.show({ current: '86002' });
    device.plugIn();
    await timers.advance(200);
    expect(sent()).toEqual(['86001\r\n', '86002\r\n']);
  });

  it('resends a number whose write failed, even with resendOnReconnect off', async () => {
    const { device, timers, driver, sent } = setup({ resendOnReconnect: false });
    driver.start();
    await settle();
    device.failWrites = true;
    driver.show({ current: '86001' });
    await settle();
    expect(driver.status).toBe('disconnected');
    device.failWrites = false;
    await timers.advance(200);
    expect(sent()).toEqual(['86001\r\n']);
  });
});
