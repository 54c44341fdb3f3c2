import { afterEach, describe, expect, it } from 'vitest';
import { openSerialTestPort, type SerialTestPort, startSocatPtyPair, type SocatPtyPair } from '@layso/electron-shell/testing/serial';
import { waitFor } from '@layso/electron-shell/testing';
import type { KeypadAction } from './keypad-actions.js';
import { KeypadDriver, type KeypadDriverOptions } from './keypad-driver.js';
import type { ConnectionStatus } from '@layso/electron-shell/serial';

// The driver runs on end A with the real serialport package; a real SerialPort on end B
// plays the keypad.

let drivers: KeypadDriver[] = [];
let keypads: SerialTestPort[] = [];
let pairs: SocatPtyPair[] = [];

afterEach(async () => {
  await Promise.all(drivers.map((driver) => driver.stop()));
  await Promise.all(keypads.map((keypad) => keypad.close()));
  await Promise.all(pairs.map((pair) => pair.stop()));
  drivers = [];
  keypads = [];
  pairs = [];
});

async function startPair(paths?: { pathA: string; pathB: string }): Promise<SocatPtyPair> {
  const pair = await startSocatPtyPair(paths ? { paths } : {});
  pairs.push(pair);
  return pair;
}

async function openKeypad(path: string): Promise<SerialTestPort> {
  const keypad = await openSerialTestPort(path);
  keypads.push(keypad);
  return keypad;
}

async function startDriver(options: KeypadDriverOptions) {
  const actions: KeypadAction[] = [];
  const statuses: ConnectionStatus[] = [];
  const driver = new KeypadDriver({
    ...options,
    onAction: (action) => actions.push(action),
    onStatusChange: (status) => statuses.push(status),
  });
  drivers.push(driver);
  driver.start();
  await waitFor('keypad driver connected', () => driver.status === 'connected');
  return { driver, actions, statuses };
}

const actionCount = (actions: KeypadAction[], count: number) =>
  waitFor(`${count} keypad actions (have ${actions.length})`, () => actions.length >= count);

describe('KeypadDriver over a socat pty pair', () => {
  it('emits the mapped actions in order and collapses bouncing repeats', async () => {
    const pair = await startPair();
    // A window far longer than the test keeps the bounce check independent of timing.
    const { actions } = await startDriver({ path: pair.pathA, debounceMs: 60_000 });
    const keypad = await openKeypad(pair.pathB);

    await keypad.write('111\r\n2\r\n22\r\n3333\r\n4\r\n');
    await actionCount(actions, 4);
    // A distinct final key proves no extra action was emitted before it.
    await keypad.write('1\r\n');
    await actionCount(actions, 5);
    expect(actions).toEqual(['next', 'recall', 'no-show', 'done', 'next']);
  });

  it('uses a configured key map', async () => {
    const pair = await startPair();
    const { actions } = await startDriver({
      path: pair.pathA,
      keyMap: { N: 'next', R: 'recall', S: 'no-show', D: 'done' },
    });
    const keypad = await openKeypad(pair.pathB);

    await keypad.write('1N2R3SD');
    await actionCount(actions, 4);
    await keypad.write('R');
    await actionCount(actions, 5);
    expect(actions).toEqual(['next', 'recall', 'no-show', 'done', 'recall']);
  });

  it('reports an unplugged keypad, reconnects by itself and keeps emitting', async () => {
    const pair = await startPair();
    const { driver, actions, statuses } = await startDriver({
      path: pair.pathA,
      backoff: { initialDelayMs: 20, maxDelayMs: 200 },
    });
    const keypad = await openKeypad(pair.pathB);
    await keypad.write('1');
    await actionCount(actions, 1);

    await pair.stop();
    await waitFor('keypad driver disconnected', () => driver.status === 'disconnected');
    expect(statuses).toEqual(['connected', 'disconnected']);

    const replugged = await startPair({ pathA: pair.pathA, pathB: pair.pathB });
    await waitFor('keypad driver reconnected', () => driver.status === 'connected');
    const newKeypad = await openKeypad(replugged.pathB);
    await newKeypad.write('2\r\n4\r\n');
    await actionCount(actions, 3);
    expect(actions).toEqual(['next', 'recall', 'done']);
    expect(statuses).toEqual(['connected', 'disconnected', 'connected']);
  });
});
