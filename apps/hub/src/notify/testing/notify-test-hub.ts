import { randomUUID } from 'node:crypto';
import type { NotifyConfigInput, Role } from '@layso/shared';
import { DEMO_CENTER } from '../../demo/demo-center.js';
import type { Clock } from '../../queue/ports.js';
import { startTestHub, type TestHub } from '../../testing/start-test-hub.js';

/** A test hub with a notify section, fast retries and its log lines kept for assertions. */
export async function startNotifyHub(notify: NotifyConfigInput, options: { clock?: Clock } = {}): Promise<{ hub: TestHub; logs: string[] }> {
  const logs: string[] = [];
  const hub = await startTestHub({
    config: { ...DEMO_CENTER, notify },
    notifyRetry: { baseMs: 20, maxMs: 200 },
    log: (message, error) => logs.push(`${message} ${error instanceof Error ? error.message : (error ?? '')}`),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return { hub, logs };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response fields directly
type Json = any;

/** One REST call with a fresh device token of `role`; returns status and JSON. */
export async function call(hub: TestHub, role: Role | null, method: string, path: string, body?: unknown, counter?: number): Promise<{ status: number; json: Json }> {
  const headers: Record<string, string> = {};
  if (role) headers.Authorization = `Bearer ${hub.token(role, counter)}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${hub.url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: response.status, json: await response.json() };
}

export async function issue(hub: TestHub, serviceId: string, count: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) numbers.push((await call(hub, 'kiosk', 'POST', '/api/tickets', { serviceId, requestId: randomUUID() })).json.number);
  return numbers;
}

export function counter(hub: TestHub, number: number, command: string): Promise<{ status: number; json: Json }> {
  return call(hub, 'counter', 'POST', `/api/counters/${number}/${command}`, { requestId: randomUUID() }, number);
}

export function subscribe(hub: TestHub, number: string, phone: string): Promise<{ status: number; json: Json }> {
  return call(hub, null, 'POST', `/api/tickets/${hub.core.currentDay}/${number}/subscribe`, { phone });
}

/** Polls until `check` holds (the hub sends asynchronously); fails after `timeoutMs`. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
