import { randomUUID } from 'node:crypto';
import type { KeypadAction } from './keypad-actions.js';

/** Hub command (POST /api/counters/:n/<command>) for each keypad action. */
export const HUB_COMMAND_BY_KEYPAD_ACTION = {
  next: 'next',
  recall: 'recall',
  'no-show': 'skip',
  done: 'done',
} as const satisfies Record<KeypadAction, string>;
export type HubCounterCommand = (typeof HUB_COMMAND_BY_KEYPAD_ACTION)[KeypadAction];

/** The part of `fetch` the bridge uses; the global fetch fits, tests may pass a fake. */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export interface KeypadHubBridgeOptions {
  /** e.g. http://192.168.1.10:8080 (a path prefix is kept). */
  hubUrl: string;
  /** A `counter` role token for this counter. */
  token: string;
  /** The counter number, as in /api/counters/:counter. */
  counter: number;
  fetch?: FetchLike;
  /** Abort a hub call after this long so one stuck request cannot block later keys. Default 5000. */
  timeoutMs?: number;
  /** Makes the requestId sent with each command; the hub treats a repeated id as a retry. */
  newRequestId?: () => string;
}

export type KeypadHubResult =
  | { ok: true; action: KeypadAction; command: HubCounterCommand; status: number; body: unknown }
  | {
      ok: false;
      action: KeypadAction;
      command: HubCounterCommand;
      /** HTTP status, or null when the hub could not be reached. */
      status: number | null;
      error: { code: string; message: string };
    };

/**
 * Turns keypad actions into hub commands. Calls are sent one at a time in key order,
 * so "next" then "done" can never reach the hub as "done" then "next".
 */
export class KeypadHubBridge {
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly counter: number;
  private readonly fetch: FetchLike;
  private readonly timeoutMs: number;
  private readonly newRequestId: () => string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: KeypadHubBridgeOptions) {
    if (!Number.isInteger(options.counter) || options.counter < 1) {
      throw new RangeError(`counter must be a positive integer, got ${options.counter}`);
    }
    this.baseUrl = options.hubUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.counter = options.counter;
    this.fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.newRequestId = options.newRequestId ?? (() => `keypad-${options.counter}-${randomUUID()}`);
  }

  /** Sends the action's command after every earlier one finished. Never rejects. */
  send(action: KeypadAction): Promise<KeypadHubResult> {
    const result = this.queue.then(() => this.post(action));
    this.queue = result;
    return result;
  }

  private async post(action: KeypadAction): Promise<KeypadHubResult> {
    const command = HUB_COMMAND_BY_KEYPAD_ACTION[action];
    const url = `${this.baseUrl}/api/counters/${this.counter}/${command}`;
    let response: Awaited<ReturnType<FetchLike>>;
    let text: string;
    try {
      response = await this.fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ requestId: this.newRequestId() }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, action, command, status: null, error: { code: 'UNREACHABLE', message } };
    }
    const body = parseJson(text);
    if (response.ok) return { ok: true, action, command, status: response.status, body };
    return { ok: false, action, command, status: response.status, error: hubError(body, response.status) };
  }
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The hub's `{ error: { code, message } }` body, or a stand-in when a proxy answered instead. */
function hubError(body: unknown, status: number): { code: string; message: string } {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const { code, message } = error as { code?: unknown; message?: unknown };
      if (typeof code === 'string') return { code, message: typeof message === 'string' ? message : '' };
    }
  }
  return { code: `HTTP_${status}`, message: typeof body === 'string' ? body : `hub answered ${status}` };
}
