import { io, type Socket } from 'socket.io-client';
import { stateSnapshotSchema, type ClientToServerEvents, type ServerToClientEvents, type StateSnapshot } from '@layso/shared';
import { expect } from 'vitest';

export interface ReceivedEvent {
  name: string;
  payload: unknown;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const DEFAULT_WAIT_MS = 20_000;

function options(token: unknown) {
  return {
    // No automatic reconnection: a test must see a refused or dropped connection as it is.
    reconnection: false,
    forceNew: true,
    transports: ['websocket'],
    auth: token === undefined ? {} : { token },
    timeout: DEFAULT_WAIT_MS,
  };
}

/**
 * A real socket.io client that records every server event in arrival order and
 * lets a test wait for a condition on that record (never for a fixed time).
 */
export class TestSocket {
  readonly events: ReceivedEvent[] = [];
  private readonly listeners = new Set<() => void>();

  private constructor(readonly socket: ClientSocket) {
    socket.onAny((name: string, payload: unknown) => {
      this.events.push({ name, payload });
      for (const listener of [...this.listeners]) listener();
    });
  }

  /** Connects and resolves once the hub accepted the socket and sent its first `state`. */
  static async connect(url: string, token?: unknown): Promise<TestSocket> {
    const client = new TestSocket(io(url, options(token)) as ClientSocket);
    await new Promise<void>((resolve, reject) => {
      client.socket.once('connect', () => resolve());
      client.socket.once('connect_error', reject);
    });
    await client.waitForEvent('state');
    return client;
  }

  /** The first `state` snapshot, validated against the contract. */
  get initialState(): StateSnapshot {
    const first = this.events.find((e) => e.name === 'state');
    if (!first) throw new Error('no state snapshot received yet');
    return stateSnapshotSchema.parse(first.payload);
  }

  /** Index to pass to `since`/`waitForEvent` to look only at later events. */
  mark(): number {
    return this.events.length;
  }

  since(mark: number, name?: string): ReceivedEvent[] {
    return this.events.slice(mark).filter((e) => name === undefined || e.name === name);
  }

  /** Resolves with `check()`'s first truthy result, re-evaluated on every event. */
  waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
    const now = check();
    if (now) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const listener = () => {
        const value = check();
        if (!value) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        const tail = this.events.slice(-10).map((e) => `${e.name} ${JSON.stringify(e.payload).slice(0, 160)}`);
        reject(new Error(`timed out waiting for ${what}; last events:\n  ${tail.join('\n  ')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
    });
  }

  waitForEvent(name: string, predicate: (payload: never) => boolean = () => true, from = 0, timeoutMs?: number): Promise<ReceivedEvent> {
    return this.waitFor(
      () => this.events.slice(from).find((e) => e.name === name && predicate(e.payload as never)),
      `event ${name}`,
      timeoutMs,
    );
  }

  /**
   * Asks for a fresh snapshot and waits for it. socket.io keeps order on one
   * connection and the hub publishes a command's events before it answers the HTTP
   * request, so once this resolves every event of every answered command is here.
   */
  async sync(): Promise<StateSnapshot> {
    const from = this.mark();
    this.socket.emit('state:request', { reason: 'manual' });
    const reply = await this.waitForEvent('state', () => true, from);
    return stateSnapshotSchema.parse(reply.payload);
  }

  close(): void {
    this.socket.close();
  }
}

/** Tries to connect and resolves with the refusal (`connect_error`); fails if the hub accepts. */
export function connectRefused(url: string, token: unknown): Promise<Error & { data?: unknown }> {
  const socket = io(url, options(token)) as ClientSocket;
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.close();
      reject(new Error('the hub accepted a socket it should have refused'));
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error as Error & { data?: unknown });
    });
  });
}

/**
 * Checks the stream contract on everything a client received: each event's `seq` is
 * the previous one + 1, starting after the first snapshot's seq, and any later
 * snapshot carries the seq of the last event before it.
 */
export function expectGapFreeStream(events: readonly ReceivedEvent[]): number {
  const first = events.findIndex((e) => e.name === 'state');
  expect(first, 'the stream starts with a state snapshot').toBe(0);
  let seq = (events[0]!.payload as { seq: number }).seq;
  for (const event of events.slice(1)) {
    if (event.name === 'error') continue;
    const got = (event.payload as { seq: number }).seq;
    if (event.name === 'state') expect(got, `snapshot after seq ${seq}`).toBe(seq);
    else expect(got, `${event.name} after seq ${seq}`).toBe(seq + 1);
    seq = got;
  }
  return seq;
}
