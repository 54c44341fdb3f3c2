/**
 * The one request layer every browser client of the hub uses (the admin console, the
 * kiosk, the counter screens): bearer token, a timeout on every call, JSON or
 * Blob/FormData bodies, answers checked against the shared schemas, and the hub's wire
 * error shape turned into a typed `HubApiError`.
 */
import type { z } from 'zod';
import { errorBodySchema, lockedUntilOf, type ErrorCode, type ErrorDetails, type FieldIssue, type Refusal } from '@layso/shared';

/** `NETWORK`: the hub could not be reached (or did not answer in time), or answered off-contract. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export class HubApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    readonly status: number,
    message: string,
    /** The error body's details: field issues, or `{ lockedUntil }` for ACCOUNT_LOCKED. */
    readonly details?: ErrorDetails,
    /** Why, as data: what a screen words in its own language. */
    readonly reason: Refusal | null = null,
  ) {
    super(message);
    this.name = 'HubApiError';
  }

  /** The validation issues a form shows next to its fields (none for other errors). */
  get fieldIssues(): readonly FieldIssue[] {
    return Array.isArray(this.details) ? this.details : [];
  }

  /** ACCOUNT_LOCKED: when the lock ends (ISO instant), from the structured details. */
  get lockedUntil(): string | null {
    return lockedUntilOf(this.details);
  }
}

export interface HubRequestOptions {
  /** '' (the default) for pages the hub serves itself. */
  baseUrl?: string | undefined;
  token: string | null;
  fetch?: typeof fetch;
  /** Per call; a call that takes longer fails as NETWORK. */
  timeoutMs?: number | undefined;
  /** Sees every refusal the hub words before it is thrown (the console notices an expired session here). */
  onRefusal?(error: HubApiError): void;
}

/** A file the hub sends as an attachment (report export, backup). */
export interface Download {
  blob: Blob;
  fileName: string;
}

export type HubRequest = ReturnType<typeof createHubRequest>;

export const DEFAULT_TIMEOUT_MS = 8_000;

/** FormData and Blob go as they are (the browser sets their Content-Type); anything else as JSON. */
function encodeBody(body: unknown, headers: Record<string, string>): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (body instanceof FormData || body instanceof Blob) return body;
  headers['Content-Type'] = 'application/json';
  return JSON.stringify(body);
}

/** The UTF-8 name (`filename*`, "Báo cáo.xlsx") when the hub sends one, else the ASCII `filename`. */
function fileNameOf(response: Response, fallbackName: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition);
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1]!);
    } catch {
      // A malformed escape: the ASCII name below still names the file.
    }
  }
  const ascii = /filename="?([^";]+)"?/i.exec(disposition);
  return ascii ? ascii[1]! : fallbackName;
}

export function createHubRequest(options: HubRequestOptions) {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function refusalOf(response: Response): Promise<HubApiError> {
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      // Not the hub's error shape (a proxy page, a crash): reported as NETWORK below.
    }
    const parsed = errorBodySchema.safeParse(json);
    if (!parsed.success) return new HubApiError('NETWORK', response.status, `hub answered ${response.status}`);
    const { code, message, details, reason } = parsed.data.error;
    const error = new HubApiError(code, response.status, message, details, reason ?? null);
    options.onRefusal?.(error);
    return error;
  }

  /** The response of a call the hub accepted; anything else is thrown as a HubApiError. */
  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    const encoded = encodeBody(body, headers);
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, { method, headers, body: encoded, signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) });
    } catch (error) {
      throw new HubApiError('NETWORK', 0, `hub unreachable: ${(error as Error).message}`);
    }
    if (!response.ok) throw await refusalOf(response);
    return response;
  }

  /** A JSON answer checked against `schema` (null: taken as it is); a 204 answers undefined. */
  async function json<S extends z.ZodType>(method: string, path: string, schema: S | null, body?: unknown): Promise<z.infer<S>> {
    const response = await send(method, path, body);
    if (response.status === 204) return undefined as z.infer<S>;
    let value: unknown;
    try {
      value = await response.json();
    } catch {
      throw new HubApiError('NETWORK', response.status, `hub answered ${response.status} without JSON`);
    }
    if (!schema) return value as z.infer<S>;
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new HubApiError('NETWORK', response.status, 'hub response does not match the contract');
    return parsed.data;
  }

  return {
    send,
    json,
    /** An attachment, named as the hub's Content-Disposition says (else `fallbackName`). */
    async download(path: string, fallbackName: string): Promise<Download> {
      const response = await send('GET', path);
      return { blob: await response.blob(), fileName: fileNameOf(response, fallbackName) };
    },
  };
}
