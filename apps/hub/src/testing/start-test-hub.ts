import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { centerConfigSchema, type CenterConfigInput, type Role } from '@layso/shared';
import { startHub, type Hub, type HubOptions } from '../app/create-hub.js';
import { DEMO_CENTER } from '../demo/demo-center.js';
import { http, type HttpOptions, type HttpResponse } from './http-client.js';

export type CounterCommand = 'next' | 'recall' | 'done' | 'skip' | 'pause' | 'resume' | 'transfer';

/** Any hub option; `config` may be unparsed (defaults filled here) and `dataDir` is a fresh temp folder unless given. */
export type TestHubOptions = Omit<HubOptions, 'dataDir' | 'config'> & { config?: CenterConfigInput; dataDir?: string };

export interface TestTokens {
  kiosk: string;
  display: string;
  portal: string;
  admin: string;
  /** One token per configured counter, by counter number. */
  counter: Record<number, string>;
}

/**
 * The running hub (its `close()` keeps the data folder, for restart tests) plus what
 * tests drive it with.
 */
export interface TestHub extends Hub {
  dataDir: string;
  /** Everything the hub logged; an `unexpected error` here means some request got a 500. */
  logs: string[];
  /**
   * A token for every role and every counter, created together on first use (so a
   * hub that never needs them, e.g. a browser test's, has no extra devices). They are
   * written to the database then: touch them before a test locks or fills it.
   */
  readonly tokens: TestTokens;
  /** A fresh unnamed device token for a role (counter tokens need the counter number). */
  token(role: Role, counter?: number): string;
  /** A fresh device named `test <role><counter>` (e.g. a second kiosk, or one to revoke). */
  createToken(role: Role, counter?: number): { token: string; deviceId: number };
  request(method: string, path: string, options?: HttpOptions): Promise<HttpResponse>;
  /** POST /api/tickets as the kiosk (or `token`), with a fresh requestId unless one is given. */
  issue(serviceId: string, extra?: { priority?: string; requestId?: string; token?: string }): Promise<HttpResponse>;
  /** POST /api/counters/:counter/:command with that counter's own token (or `token`). */
  counterCommand(counter: number, command: CounterCommand, json?: unknown, token?: string): Promise<HttpResponse>;
  /** Closes the hub and deletes its data folder. */
  stop(): Promise<void>;
}

/** A fresh temp folder; the `layso-it-` prefix tells leftovers of these tests from other harnesses'. */
export function makeTempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `layso-it-${label}-`));
}

/**
 * A real hub (HTTP, socket.io, SQLite file) on 127.0.0.1, an OS-chosen port and its
 * own temp data folder: what integration and browser tests run against. The demo
 * center unless `config` is given. Each test file (or test) gets its own, so files
 * can run in parallel workers.
 */
export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  // A given folder (e.g. on a small tmpfs a test fills up, or a restarted hub's) is deleted on stop all the same.
  const { config, dataDir = makeTempDir('hub'), log, ...rest } = options;
  const logs: string[] = [];
  let hub: Hub;
  try {
    hub = await startHub({
      host: '127.0.0.1',
      port: 0,
      ...rest,
      dataDir,
      config: centerConfigSchema.parse(config ?? DEMO_CENTER),
      log: (message, error) => {
        logs.push(`${message}${error ? `: ${error instanceof Error ? error.stack : String(error)}` : ''}`);
        log?.(message, error);
      },
    });
  } catch (error) {
    if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return wrapTestHub(hub, dataDir, logs);
}

/**
 * The test-facing side of a started hub (also used when a test hub is started again
 * on its data; `tokens` are the earlier hub's, which stay valid in the database).
 */
export function wrapTestHub(hub: Hub, dataDir: string, logs: string[] = [], tokens?: TestTokens): TestHub {
  const createToken = (role: Role, counter?: number) => {
    const { token, device } = hub.devices.create(role, { counter: counter ?? null, name: `test ${role}${counter ?? ''}` });
    return { token, deviceId: device.id };
  };
  const allTokens = (): TestTokens =>
    (tokens ??= {
      kiosk: createToken('kiosk').token,
      display: createToken('display').token,
      portal: createToken('portal').token,
      admin: createToken('admin').token,
      counter: Object.fromEntries(hub.core.config.counters.map((c) => [c.number, createToken('counter', c.number).token])),
    });
  return {
    ...hub,
    dataDir,
    logs,
    get tokens() {
      return allTokens();
    },
    token: (role, counter) => hub.devices.create(role, { counter: counter ?? null }).token,
    createToken: (role, counter) => {
      allTokens();
      return createToken(role, counter);
    },
    request: (method, path, requestOptions) => http(hub.url, method, path, requestOptions),
    issue: (serviceId, extra = {}) =>
      http(hub.url, 'POST', '/api/tickets', {
        token: extra.token ?? allTokens().kiosk,
        json: { serviceId, requestId: extra.requestId ?? newRequestId('kiosk'), ...(extra.priority ? { priority: extra.priority } : {}) },
      }),
    counterCommand: (counter, command, json, token) =>
      http(hub.url, 'POST', `/api/counters/${counter}/${command}`, { token: token ?? allTokens().counter[counter], ...(json === undefined ? {} : { json }) }),
    async stop() {
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
