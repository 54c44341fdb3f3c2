import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { REPO_ROOT, monoMs, sleep } from './paths.js';

/** When the `ticket:called` for one number reached the clients (monoMs times). */
export interface Delivery {
  count: number;
  first: number;
  last: number;
}

/** A set of display clients connected to the hub, wherever they run. */
export interface DisplayFleet {
  size: number;
  /** Processes other than the bench's own that hold clients (for CPU accounting). */
  pids: number[];
  /** Resolves when every client saw `ticket:called` for `number`, or at the timeout with what arrived. */
  delivery(number: string, timeoutMs: number): Promise<Delivery>;
  close(): Promise<void>;
}

interface Tracker extends Delivery {
  done?: () => void;
}

/** Counts arrivals per ticket number and wakes the waiter when all `size` clients have it. */
export class DeliveryBook {
  private readonly byNumber = new Map<string, Tracker>();

  constructor(private readonly size: number) {}

  add(number: string, count: number, first: number, last: number): void {
    const t = this.byNumber.get(number);
    if (!t) {
      this.byNumber.set(number, { count, first, last });
    } else {
      t.count += count;
      t.first = Number.isNaN(t.first) ? first : Math.min(t.first, first);
      t.last = Number.isNaN(t.last) ? last : Math.max(t.last, last);
    }
    const now = this.byNumber.get(number)!;
    if (now.count >= this.size) now.done?.();
  }

  async wait(number: string, timeoutMs: number): Promise<Delivery> {
    let t = this.byNumber.get(number);
    if (!t) this.byNumber.set(number, (t = { count: 0, first: Number.NaN, last: Number.NaN }));
    if (t.count < this.size) {
      const tracker = t;
      await Promise.race([new Promise<void>((resolve) => (tracker.done = resolve)), sleep(timeoutMs)]);
    }
    this.byNumber.delete(number);
    return { count: t.count, first: t.first, last: t.last };
  }
}

/** Connects one display socket; resolves once its first `state` snapshot arrived. */
export function connectDisplay(url: string, token: string, onCalled: (number: string) => void): Promise<Socket> {
  return new Promise((resolve, reject) => {
    // Browsers start with long-polling and upgrade; the steady state is a websocket either way.
    const socket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true, timeout: 20_000 });
    socket.on('ticket:called', (payload: { number: string }) => onCalled(payload.number));
    socket.once('state', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Connects `count` displays in batches, bounded in time. */
export async function connectDisplays(url: string, token: string, count: number, onCalled: (number: string) => void, timeoutMs = 60_000): Promise<Socket[]> {
  const sockets: Socket[] = [];
  const start = performance.now();
  try {
    while (sockets.length < count) {
      if (performance.now() - start > timeoutMs) throw new Error(`only ${sockets.length}/${count} display clients connected within ${timeoutMs} ms`);
      const batch = Math.min(50, count - sockets.length);
      sockets.push(...(await Promise.all(Array.from({ length: batch }, () => connectDisplay(url, token, onCalled)))));
    }
  } catch (error) {
    for (const s of sockets) s.close();
    throw error;
  }
  return sockets;
}

/** All clients inside the bench process: what one machine's browser tabs would do, on one thread. */
export async function inProcessFleet(url: string, token: string, size: number): Promise<DisplayFleet> {
  const book = new DeliveryBook(size);
  const sockets = await connectDisplays(url, token, size, (number) => {
    const now = monoMs();
    book.add(number, 1, now, now);
  });
  return {
    size,
    pids: [],
    delivery: (number, timeoutMs) => book.wait(number, timeoutMs),
    async close() {
      for (const s of sockets) s.close();
    },
  };
}

export type ChildMessage =
  | { type: 'ready' }
  | { type: 'error'; message: string }
  | { type: 'delivery'; number: string; count: number; first: number; last: number };

const CHILD_SCRIPT = fileURLToPath(new URL('./display-fleet-child.ts', import.meta.url));

/**
 * The clients split over `processes` child processes, so the bench process that sends
 * `next` and reads its response is not the one decoding 500 sockets' frames.
 */
export async function childProcessFleet(url: string, token: string, size: number, processes: number): Promise<DisplayFleet> {
  const book = new DeliveryBook(size);
  const children: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  for (let i = 0; i < processes; i++) {
    const share = Math.floor(size / processes) + (i < size % processes ? 1 : 0);
    const child = fork(CHILD_SCRIPT, [url, token, String(share)], { cwd: REPO_ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    ready.push(
      new Promise((resolve, reject) => {
        child.on('message', (message: ChildMessage) => {
          if (message.type === 'ready') resolve();
          else if (message.type === 'error') reject(new Error(message.message));
          else book.add(message.number, message.count, message.first, message.last);
        });
        child.once('exit', (code) => reject(new Error(`display client process exited with ${code}`)));
      }),
    );
  }
  const close = async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(5_000)]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }),
    );
  };
  try {
    await Promise.race([Promise.all(ready), sleep(90_000).then(() => Promise.reject(new Error('display client processes did not get ready in 90 s')))]);
  } catch (error) {
    await close();
    throw error;
  }
  return { size, pids: children.flatMap((c) => (c.pid === undefined ? [] : [c.pid])), delivery: (number, timeoutMs) => book.wait(number, timeoutMs), close };
}
