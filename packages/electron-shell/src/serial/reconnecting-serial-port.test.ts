import { afterEach, describe, expect, it } from 'vitest';
import { ManualTimers, settle } from '../testing/manual-timers.js';
import { FakeSerialDevice } from '../testing/serial/fake-serial-port.js';
import { ReconnectingSerialPort } from './reconnecting-serial-port.js';
import type { ConnectionStatus } from './serial-port-like.js';

function setup() {
  const device = new FakeSerialDevice();
  const timers = new ManualTimers();
  const port = new ReconnectingSerialPort({ path: '/dev/ttyFAKE', baudRate: 19200, portFactory: device.factory, timers });
  const statuses: ConnectionStatus[] = [];
  port.onStatusChange((status) => statuses.push(status));
  return { device, timers, port, statuses };
}

let running: ReconnectingSerialPort[] = [];
afterEach(async () => {
  await Promise.all(running.map((port) => port.stop()));
  running = [];
});

describe('ReconnectingSerialPort', () => {
  it('opens the path with the baud rate and reports connected', async () => {
    const { device, port, statuses } = setup();
    running.push(port);
    expect(port.status).toBe('disconnected');
    port.start();
    await settle();
    expect(port.status).toBe('connected');
    expect(statuses).toEqual(['connected']);
    expect(device.ports[0]?.options).toEqual({ path: '/dev/ttyFAKE', baudRate: 19200 });
  });

  it('retries a missing device with backoff 200 → 5000 ms until it appears', async () => {
    const { device, timers, port, statuses } = setup();
    running.push(port);
    device.present = false;
    port.start();
    await settle();
    expect(port.status).toBe('disconnected');
    expect(port.lastError?.message).toMatch(/ENOENT/);
    await timers.advance(200 + 400 + 800 + 1600 + 3200 + 5000 + 5000);
    expect(timers.requestedDelays).toEqual([200, 400, 800, 1600, 3200, 5000, 5000, 5000]);
    expect(device.ports).toHaveLength(8);
    device.plugIn();
    await timers.advance(5000);
    expect(port.status).toBe('connected');
    expect(statuses).toEqual(['connected']);
    expect(timers.pendingCount).toBe(0);
  });

  it('tells each failed open, and nothing once the device is there', async () => {
    const { device, timers, port } = setup();
    running.push(port);
    const failures: string[] = [];
    port.onOpenFailed((error) => failures.push(error.message));
    device.present = false;
    port.start();
    await settle();
    await timers.advance(200 + 400);
    expect(failures).toEqual(['ENOENT: /dev/ttyFAKE', 'ENOENT: /dev/ttyFAKE', 'ENOENT: /dev/ttyFAKE']);
    device.plugIn();
    await timers.advance(800);
    expect(port.status).toBe('connected');
    expect(failures).toHaveLength(3);
  });

  it('reports a lost device, reopens it when it comes back and restarts the backoff', async () => {
    const { device, timers, port, statuses } = setup();
    running.push(port);
    let connects = 0;
    port.onConnect(() => connects++);
    port.start();
    await settle();

    device.unplug();
    expect(port.status).toBe('disconnected');
    expect(statuses).toEqual(['connected', 'disconnected']);
    await timers.advance(200 + 400);
    expect(port.status).toBe('disconnected');
    device.plugIn();
    await timers.advance(800);
    expect(port.status).toBe('connected');
    expect(statuses).toEqual(['connected', 'disconnected', 'connected']);
    expect(connects).toBe(2);

    device.unplug();
    expect(timers.requestedDelays.at(-1)).toBe(200);
  });

  it('passes the lost error to status listeners', async () => {
    const { device, port } = setup();
    running.push(port);
    const errors: (string | undefined)[] = [];
    port.onStatusChange((_status, error) => errors.push(error?.message));
    port.start();
    await settle();
    device.unplug();
    expect(errors).toEqual([undefined, 'disconnected']);
  });

  it('delivers data only from the current port', async () => {
    const { device, timers, port } = setup();
    running.push(port);
    const received: string[] = [];
    port.onData((chunk) => received.push(chunk.toString()));
    port.start();
    await settle();
    const first = device.openPort!;
    device.receive('a');
    device.unplug();
    first.receive('stale');
    device.plugIn();
    await timers.advance(200);
    device.receive('b');
    expect(received).toEqual(['a', 'b']);
  });

  it('treats a failed write as a lost port and reconnects', async () => {
    const { device, timers, port } = setup();
    running.push(port);
    port.start();
    await settle();
    device.failWrites = true;
    expect(await port.write(Buffer.from('x'))).toBe(false);
    expect(port.status).toBe('disconnected');
    device.failWrites = false;
    await timers.advance(200);
    expect(port.status).toBe('connected');
    expect(await port.write(Buffer.from('y'))).toBe(true);
    expect(device.written.map(String)).toEqual(['y']);
  });

  it('does not write while disconnected', async () => {
    const { device, port } = setup();
    running.push(port);
    device.present = false;
    port.start();
    await settle();
    expect(await port.write(Buffer.from('x'))).toBe(false);
    expect(device.written).toEqual([]);
  });

  it('stop() closes the port and cancels retries', async () => {
    const { device, timers, port, statuses } = setup();
    port.start();
    await settle();
    const opened = device.openPort!;
    await port.stop();
    expect(opened.isOpen).toBe(false);
    expect(port.status).toBe('disconnected');
    expect(statuses).toEqual(['connected', 'disconnected']);
    expect(timers.pendingCount).toBe(0);

    device.present = false;
    port.start();
    await settle();
    expect(timers.pendingCount).toBe(1);
    await port.stop();
    expect(timers.pendingCount).toBe(0);
    device.plugIn();
    await timers.advance(10_000);
    expect(port.status).toBe('disconnected');
  });
});
