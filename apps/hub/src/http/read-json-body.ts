import type { IncomingMessage } from 'node:http';
import { ErrorCode, MAX_BODY_BYTES } from '@layso/shared';
import { ApiError } from './api-error.js';

export interface JsonBody {
  /** The exact text received (signatures are computed over it). */
  text: string;
  /** The parsed JSON, or undefined for an empty body. */
  value: unknown;
}

/**
 * Reads a JSON body of at most `limit` bytes. An empty body reads as `undefined`.
 * Oversize bodies are refused as soon as they cross the limit, without buffering them.
 */
export function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<JsonBody> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new ApiError(ErrorCode.TOO_LARGE, `request body exceeds ${limit} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new ApiError(ErrorCode.TOO_LARGE, `request body exceeds ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (error) => {
      if (!failed) reject(new ApiError(ErrorCode.VALIDATION, `could not read the request body: ${error.message}`));
      failed = true;
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({ text, value: undefined });
      const type = String(req.headers['content-type'] ?? '');
      if (!/^application\/json\b/i.test(type)) {
        return reject(new ApiError(ErrorCode.VALIDATION, 'Content-Type must be application/json'));
      }
      try {
        resolve({ text, value: JSON.parse(text) as unknown });
      } catch {
        reject(new ApiError(ErrorCode.VALIDATION, 'request body is not valid JSON'));
      }
    });
  });
}
