import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectHub, type ConnectionStatus, type HubConnection } from '@layso/shared/client';

/**
 * The shared client against a real socket.io server whose handshake refuses the first
 * attempts with a given code, as the hub's middleware does (a busy database, a rate
 * limit, a refused token). socket.io itself never retries after such a refusal.
 */
async function refusingServer(refusals: string[]) {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  let attempts = 0;
  io.use((_socket, next) => {
    const code = refusals[attempts++];
    if (code) return next(Object.assign(new Error(code), { data: { code } }));
    next();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function connect(url: string): { connection: HubConnection; statuses: ConnectionStatus[] } {
  const statuses: ConnectionStatus[] = [];
  const connection = connectHub({ url, token: 'lys_test', onState: () => {}, onStatus: (status) => statuses.push(status) });
  cleanups.push(() => connection.close());
  return { connection, statuses };
}

describe('the shared hub connection after a refused handshake', () => {
  it.each(['BUSY', 'RATE_LIMITED', 'INTERNAL'])('tries again by itself after %s and comes online', async (code) => {
    const server = await refusingServer([code]);
    cleanups.push(server.close);
    const { statuses } = connect(server.url);
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('online'), { timeout: 10_000, interval: 50 });
    expect(statuses).toEqual(['connecting', 'offline', 'online']);
    expect(server.attempts()).toBe(2);
  });

  it('does not try again after UNAUTHENTICATED: the screen shows it is not paired', async () => {
    const server = await refusingServer(['UNAUTHENTICATED']);
    cleanups.push(server.close);
    const { statuses } = connect(server.url);
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('unauthorized'), { timeout: 10_000, interval: 50 });
    // Longer than the retry delay: no second attempt came.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(server.attempts()).toBe(1);
  });

  it('stops trying once closed', async () => {
    const server = await refusingServer(['BUSY', 'BUSY', 'BUSY']);
    cleanups.push(server.close);
    const { connection, statuses } = connect(server.url);
    await vi.waitFor(() => expect(statuses).toContain('offline'), { timeout: 10_000, interval: 50 });
    connection.close();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(server.attempts()).toBe(1);
  });
});
