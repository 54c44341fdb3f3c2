import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CenterConfig, Role } from '@layso/shared';
import { startHub, type Hub } from '../app/create-hub.js';
import type { Clock } from '../queue/ports.js';
import type { SocketLimits } from '../realtime/socket-limits.js';
import { http, type HttpOptions, type HttpResponse } from './http-client.js';

export type CounterCommand = 'next' | 'recall' | 'done' | 'skip' | 'pause' | 'resume' | 'transfer';

export interface TestHubOptions {
  config?: CenterConfig;
  clock?: Clock;
  tickMs?: number;
  socketLimits?: Partial<SocketLimits>;
}

export interface TestTokens {
  kiosk: string;
  display: string;
  portal: string;
  admin: string;
  /** One token per configured counter, by counter number. */
  counter: Record<number, string>;
}

export interface TestHub {
  hub: Hub;
  url: string;
  dataDir: string;
  tokens: TestTokens;
  /** Everything the hub logged; an `unexpected error` here means some request got a 500. */
  logs: string[];
  request(method: string, path: string, options?: HttpOptions): Promise<HttpResponse>;
  /** POST /api/tickets as the kiosk (or `token`), with a fresh requestId unless one is given. */
  issue(serviceId: string, extra?: { priority?: string; requestId?: string; token?: string }): Promise<HttpResponse>;
  /** POST /api/counters/:counter/:command with that counter's own token (or `token`). */
  counterCommand(counter: number, command: CounterCommand, json?: unknown, token?: string): Promise<HttpResponse>;
  /** A fresh token (e.g. a second kiosk, or one to revoke). */
  createToken(role: Role, counter?: number): { token: string; deviceId: number };
  close(): Promise<void>;
}

/** A fresh temp folder; the `layso-it-` prefix tells leftovers of these tests from other harnesses'. */
export function makeTempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `layso-it-${label}-`));
}

/**
 * A real hub (HTTP, socket.io, SQLite file) on 127.0.0.1, an OS-chosen port and its
 * own temp data folder, with a token for every role and every counter. Each test
 * file (or test) gets its own, so files can run in parallel workers.
 */
export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const dataDir = makeTempDir('hub');
  const logs: string[] = [];
  let hub: Hub;
  try {
    hub = await startHub({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      ...(options.config ? { config: options.config } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.tickMs ? { tickMs: options.tickMs } : {}),
      ...(options.socketLimits ? { socketLimits: options.socketLimits } : {}),
      // No built renderers needed: the API is under test, not the pages.
      webRoots: { kiosk: join(dataDir, 'no-kiosk'), counterDisplay: join(dataDir, 'no-display') },
      log: (message, error) => logs.push(`${message}${error ? `: ${error instanceof Error ? error.stack : String(error)}` : ''}`),
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const createToken = (role: Role, counter?: number) => {
    const { token, device } = hub.devices.create(role, { counter: counter ?? null, name: `test ${role}${counter ?? ''}` });
    return { token, deviceId: device.id };
  };
  const tokens: TestTokens = {
    kiosk: createToken('kiosk').token,
    display: createToken('display').token,
    portal: createToken('portal').token,
    admin: createToken('admin').token,
    counter: Object.fromEntries(hub.core.config.counters.map((c) => [c.number, createToken('counter', c.number).token])),
  };
  return {
    hub,
    url: hub.url,
    dataDir,
    tokens,
    logs,
    request: (method, path, requestOptions) => http(hub.url, method, path, requestOptions),
    issue: (serviceId, extra = {}) =>
      http(hub.url, 'POST', '/api/tickets', {
        token: extra.token ?? tokens.kiosk,
        json: { serviceId, requestId: extra.requestId ?? newRequestId('kiosk'), ...(extra.priority ? { priority: extra.priority } : {}) },
      }),
    counterCommand: (counter, command, json, token) =>
      http(hub.url, 'POST', `/api/counters/${counter}/${command}`, { token: token ?? tokens.counter[counter], ...(json === undefined ? {} : { json }) }),
    createToken,
    async close() {
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let requestCounter = 0;

/** A valid, unique requestId (8–128 chars of [\w.:-]). */
export function newRequestId(label = 'req'): string {
  requestCounter += 1;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${requestCounter}`;
}
