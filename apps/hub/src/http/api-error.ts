import type { ServerResponse } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import { ErrorCode, foldVietnamese, HTTP_STATUS_BY_ERROR, type ErrorBody, type ErrorDetails, type Refusal } from '@layso/shared';
import { z } from 'zod';
import { DomainError } from '../queue/domain-error.js';
import type { StorageFaultOf } from '../queue/storage-fault.js';
import { fieldIssueOf } from './field-issue.js';

/** A refusal raised by the transport itself (auth, parsing, routing). */
export class ApiError extends DomainError {
  constructor(code: ErrorCode, message: string, details?: ErrorDetails, reason?: Refusal) {
    super(code, message, details, reason);
    this.name = 'ApiError';
  }
}

export function validationError(error: z.ZodError, what: string): ApiError {
  const details = error.issues.slice(0, 20).map((issue) => fieldIssueOf(issue));
  const first = details[0];
  return new ApiError(ErrorCode.VALIDATION, `invalid ${what}${first ? `: ${first.path}: ${first.message}` : ''}`, details);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/**
 * A download body: bytes in memory (reports), or a stream of known size read as it is
 * sent (a database backup, too large to hold in memory).
 */
export type DownloadFile = { contentType: string; fileName: string } & ({ data: Buffer } | { stream: Readable; size: number });

/** A download: the file name is given both plain (ASCII-folded) and UTF-8 (RFC 6266). */
export function sendFile(res: ServerResponse, status: number, file: DownloadFile): void {
  const streamed = 'stream' in file;
  // A client that hung up while the file was being prepared: nobody to send it to.
  if (res.headersSent || res.destroyed) {
    if (streamed) file.stream.destroy();
    return;
  }
  const ascii = foldVietnamese(file.fileName).replace(/[^\w.-]/g, '_');
  res.writeHead(status, {
    'Content-Type': file.contentType,
    'Content-Length': streamed ? file.size : file.data.length,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'Cache-Control': 'no-store',
  });
  if (!streamed) {
    res.end(file.data);
    return;
  }
  // The headers are out, so a failure now (the client hung up, a read error) can only
  // cut the response short; pipeline destroys both sides, which is all there is to do.
  pipeline(file.stream, res, () => {});
}

/** A full disk is not freed in a second: clients wait this long before trying again. */
export const STORAGE_RETRY_AFTER_S = 30;

/** Maps any thrown value to the wire error shape; only unexpected faults become 500. */
export function sendError(res: ServerResponse, error: unknown, log: (message: string, error: unknown) => void, storageFaultOf: StorageFaultOf = () => null): void {
  let code: ErrorCode;
  let message: string;
  let details: ErrorBody['error']['details'];
  let reason: Refusal | undefined;
  const fault = error instanceof DomainError || error instanceof z.ZodError ? null : storageFaultOf(error);
  if (error instanceof DomainError) {
    ({ code, message, details, reason } = error);
  } else if (error instanceof z.ZodError) {
    ({ code, message, details } = validationError(error, 'request'));
  } else if (fault === 'busy') {
    // Another connection (a report, a shell command) held the write lock past
    // busy_timeout: the transaction never began, so a retry is safe and will succeed.
    code = ErrorCode.BUSY;
    message = 'the hub is busy; nothing was saved, please retry';
    log('database busy past the wait limit', error);
  } else if (fault !== null) {
    // The disk is full (or failing): the transaction rolled back, nothing was saved.
    // Reads keep working; the same request succeeds once an administrator frees space.
    code = ErrorCode.STORAGE_FULL;
    message = `the hub's storage refused the write (${fault === 'full' ? 'disk full' : 'disk error'}); nothing was saved, retry later`;
    log('a write failed: storage full or failing', error);
  } else {
    code = ErrorCode.INTERNAL;
    message = 'internal error';
    log('unexpected error while handling a request', error);
  }
  const body: ErrorBody = { error: { code, message, ...(details ? { details } : {}), ...(reason ? { reason } : {}) } };
  const headers: Record<string, string> = code === ErrorCode.TOO_LARGE ? { Connection: 'close' } : code === ErrorCode.BUSY ? { 'Retry-After': '1' } : code === ErrorCode.STORAGE_FULL ? { 'Retry-After': String(STORAGE_RETRY_AFTER_S) } : {};
  sendJson(res, HTTP_STATUS_BY_ERROR[code], body, headers);
}
