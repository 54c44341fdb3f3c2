/**
 * The console's REST client, on the request layer the screens use too (@layso/ui):
 * bearer session token, the hub's error shape as a `HubApiError` (with the validation
 * details a form shows next to its fields), and one place that notices an expired
 * session.
 */
import type { z } from 'zod';
import { createHubRequest, HubApiError, type Download } from '@layso/ui';
import type { FieldIssue } from '@layso/shared';

export type { Download, FieldIssue };

export interface AdminApiOptions {
  token: string | null;
  /** Called when the hub says the session is gone (401): the console returns to sign-in. */
  onUnauthenticated?(): void;
  /** Called when the hub insists on a password change first. */
  onPasswordChangeRequired?(): void;
  fetch?: typeof fetch;
}

/** Longer than a screen's: a report export or a backup takes a while on a busy hub. */
const ADMIN_TIMEOUT_MS = 20_000;

export type AdminApi = ReturnType<typeof createAdminApi>;

export function createAdminApi(options: AdminApiOptions) {
  const request = createHubRequest({
    token: options.token,
    fetch: options.fetch,
    timeoutMs: ADMIN_TIMEOUT_MS,
    onRefusal(error) {
      if (error.code === 'UNAUTHENTICATED' && options.token) options.onUnauthenticated?.();
      if (error.code === 'PASSWORD_CHANGE_REQUIRED') options.onPasswordChangeRequired?.();
    },
  });

  return {
    get: <S extends z.ZodType>(path: string, schema: S | null = null) => request.json('GET', path, schema),
    /** Without `body` nothing is sent: commands like revoke or pause take no body and refuse one. */
    post: <S extends z.ZodType>(path: string, body?: unknown, schema: S | null = null) => request.json('POST', path, schema, body),
    put: <S extends z.ZodType>(path: string, body: unknown, schema: S | null = null) => request.json('PUT', path, schema, body),
    delete: <S extends z.ZodType>(path: string, schema: S | null = null) => request.json('DELETE', path, schema),
    /** A file the hub sends as an attachment (report export, backup). */
    download: (path: string, fallbackName: string): Promise<Download> => request.download(path, fallbackName),
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
  if (!(error instanceof HubApiError)) return [];
  return error.fieldIssues.filter((d) => d.path === field || d.path.endsWith(`.${field}`));
}
