import { afterEach, describe, expect, it } from 'vitest';
import { GatedTimers } from '../test/gated-timers.js';
import { openSerialTestPort, type SerialTestPort, startSocatPtyPair, type SocatPtyPair } from '@layso/electron-shell/testing/serial';
import { waitFor } from '@layso/electron-shell/testing';
import { LedBoardDriver, type LedBoardDriverOptions } from './led-board-driver.js';
import type { ConnectionStatus } from '@layso/electron-shell/serial';

// The driver runs on end A with the real serialport package; a real SerialPort on end B
// plays the LED board and records every byte it receives.

const FRAME_86001 = Buffer.from([0x02, 0x01, 0x05, 0x38, 0x36, 0x30, 0x30, 0x31, 0x3b, 0x03]);
const FRAME_86002 = Buffer.from([0x02, 0x01, 0x05, 0x38, 0x36, 0x30, 0x30, 0x32, 0x38, 0x03]);

let drivers: LedBoardDriver[] = [];
let boards: SerialTestPort[] = [];
let pairs: SocatPtyPair[] = [];

afterEach(async () => {
  await Promise.all(drivers.map((driver) => driver.stop()));
  await Promise.all(boards.map((board) => board.close()));
  await Promise.all(pairs.map((pair) => pair.stop()));
  drivers = [];
  boards = [];
  pairs = [];
});

async function startPair(paths?: { pathA: string; pathB: string }): Promise<SocatPtyPair> {
  const pair = await startSocatPtyPair(paths ? { paths } : {});
  pairs.push(pair);
  return pair;
}

async function openBoard(path: string): Promise<SerialTestPort> {
  const board = await openSerialTestPort(path);
  boards.push(board);
  return board;
}

async function startDriver(options: LedBoardDriverOptions): Promise<{ driver: LedBoardDriver; statuses: ConnectionStatus[] }> {
  const statuses: ConnectionStatus[] = [];
  const driver = new LedBoardDriver({ ...options, onStatusChange: (status) => statuses.push(status) });
  drivers.push(driver);
  driver.start();
  await waitFor('LED driver connected', () => driver.status === 'connected');
  return { driver, statuses };
}

async function receivedBytes(board: SerialTestPort, length: number): Promise<Buffer> {
  await waitFor(`${length} bytes at the board`, () => board.received().length >= length);
  return board.received();
}

describe('LedBoardDriver over a socat pty pair', () => {
  it('sends the exact framed bytes for 86001 and nothing when the number repeats', async () => {
    const pair = await startPair();
    const board = await openBoard(pair.pathB);
    const { driver } = await startDriver({ path: pair.pathA, protocol: 'framed', address: 1 });

    driver.show({ current: '86001' });
    expect(await receivedBytes(board, FRAME_86001.length)).toEqual(FRAME_86001);

    // A repeat must send nothing: the next bytes after the first frame are the 86002 frame.
    driver.show({ current: '86001' });
    driver.show({ current: '86002' });
    expect(await receivedBytes(board, 20)).toEqual(Buffer.concat([FRAME_86001, FRAME_86002]));
  });

  it('sends exact ascii-line bytes, with the idle and paused texts', async () => {
    const pair = await startPair();
    const board = await openBoard(pair.pathB);
    const { driver } = await startDriver({ path: pair.pathA, protocol: 'ascii-line' });

    driver.show({ current: '86001' });
    driver.show({ current: '86001' });
    driver.show({ current: null });
    driver.show({ current: null, paused: true });
    const expected = Buffer.from('86001\r\n----\r\nPAUSE\r\n', 'latin1');
    expect(await receivedBytes(board, expected.length)).toEqual(expected);
  });

  it('reports an unplugged board, reconnects by itself and resends the last number', async () => {
    const pair = await startPair();
    const board = await openBoard(pair.pathB);
    const timers = new GatedTimers();
    const { driver, statuses } = await startDriver({
      path: pair.pathA,
      protocol: 'framed',
      timers,
      backoff: { initialDelayMs: 20, maxDelayMs: 200 },
    });
    driver.show({ current: '86001' });
    expect(await receivedBytes(board, FRAME_86001.length)).toEqual(FRAME_86001);

    await pair.stop();
    await waitFor('LED driver disconnected', () => driver.status === 'disconnected');
    expect(statuses).toEqual(['connected', 'disconnected']);

    // Hold the driver's next retry until the new board end is open: opening a tty
    // flushes its input, so a frame resent before that would be lost (see GatedTimers).
    timers.close();
    await waitFor('a reconnect attempt waiting to run', () => timers.heldCount > 0);
    const replugged = await startPair({ pathA: pair.pathA, pathB: pair.pathB });
    const newBoard = await openBoard(replugged.pathB);
    timers.open();

    await waitFor('LED driver reconnected', () => driver.status === 'connected');
    expect(await receivedBytes(newBoard, FRAME_86001.length)).toEqual(FRAME_86001);
    driver.show({ current: '86002' });
    expect(await receivedBytes(newBoard, 20)).toEqual(Buffer.concat([FRAME_86001, FRAME_86002]));
    expect(statuses).toEqual(['connected', 'disconnected', 'connected']);
  });
});
