/**
 * The console's REST client: bearer session token, the hub's error shape turned into
 * an `AdminApiError` (with the validation details a form shows next to its fields),
 * and one place that notices an expired session.
 */
import type { z } from 'zod';
import { errorBodySchema, lockedUntilOf, type FieldIssue, type Refusal } from '@layso/shared';

export type { FieldIssue };

/** `NETWORK`: the hub could not be reached, or answered with something off-contract. */
export class AdminApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details: readonly FieldIssue[] = [],
    /** ACCOUNT_LOCKED: when the lock ends (ISO instant), from the hub's structured details. */
    readonly lockedUntil: string | null = null,
    /** Why, as data: what error-text.ts words in the console's language. */
    readonly reason: Refusal | null = null,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

export interface AdminApiOptions {
  token: string | null;
  /** Called when the hub says the session is gone (401): the console returns to sign-in. */
  onUnauthenticated?(): void;
  /** Called when the hub insists on a password change first. */
  onPasswordChangeRequired?(): void;
  fetch?: typeof fetch;
}

export interface Download {
  blob: Blob;
  fileName: string;
}

export type AdminApi = ReturnType<typeof createAdminApi>;

export function createAdminApi(options: AdminApiOptions) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(20_000) });
    } catch (error) {
      throw new AdminApiError('NETWORK', 0, (error as Error).message);
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }

  async function errorOf(response: Response): Promise<AdminApiError> {
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      // Not the hub's error shape (a proxy page, a crash): reported as NETWORK below.
    }
    const parsed = errorBodySchema.safeParse(json);
    if (!parsed.success) return new AdminApiError('NETWORK', response.status, `HTTP ${response.status}`);
    const { code, message, details, reason } = parsed.data.error;
    if (code === 'UNAUTHENTICATED' && options.token) options.onUnauthenticated?.();
    if (code === 'PASSWORD_CHANGE_REQUIRED') options.onPasswordChangeRequired?.();
    return new AdminApiError(code, response.status, message, Array.isArray(details) ? details : [], lockedUntilOf(details), reason ?? null);
  }

  async function json<S extends z.ZodType>(method: string, path: string, schema: S | null, body?: unknown): Promise<z.infer<S>> {
    const response = await send(method, path, body);
    if (response.status === 204) return undefined as z.infer<S>;
    let value: unknown;
    try {
      value = await response.json();
    } catch {
      throw new AdminApiError('NETWORK', response.status, 'not JSON');
    }
    if (!schema) return value as z.infer<S>;
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new AdminApiError('NETWORK', response.status, 'the hub answered off-contract');
    return parsed.data;
  }

  return {
    get: <S extends z.ZodType>(path: string, schema: S | null = null) => json('GET', path, schema),
    /** Without `body` nothing is sent: commands like revoke or pause take no body and refuse one. */
    post: <S extends z.ZodType>(path: string, body?: unknown, schema: S | null = null) => json('POST', path, schema, body),
    put: <S extends z.ZodType>(path: string, body: unknown, schema: S | null = null) => json('PUT', path, schema, body),
    delete: <S extends z.ZodType>(path: string, schema: S | null = null) => json('DELETE', path, schema),
    /** A file the hub sends as an attachment (report export, backup). */
    async download(path: string, fallbackName: string): Promise<Download> {
      const response = await send('GET', path);
      const disposition = response.headers.get('Content-Disposition') ?? '';
      const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
      return { blob: await response.blob(), fileName: match ? decodeURIComponent(match[1]!) : fallbackName };
    },
  };
}

/** Saves a downloaded file through the browser (an anchor with `download`). */
export function saveDownload({ blob, fileName }: Download): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Validation issues for one form field: the exact path, or a longer path that ends with it. */
export function issuesFor(error: unknown, field: string): FieldIssue[] {
  if (!(error instanceof AdminApiError)) return [];
  return error.details.filter((d) => d.path === field || d.path.endsWith(`.${field}`));
}
