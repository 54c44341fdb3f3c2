import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { errorBodySchema, type ErrorBody } from '@layso/shared';
import { expect } from 'vitest';

export interface HttpOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** A JSON value, serialized with `Content-Type: application/json`. */
  json?: unknown;
  /** Bytes sent as they are (no Content-Type unless given in `headers`). */
  raw?: string | Buffer;
  /** Send `raw` chunked, without Content-Length, so the hub has to count the bytes itself. */
  chunked?: boolean;
  headers?: Record<string, string>;
  /** Source address on loopback (Linux routes all of 127/8 to lo). */
  localAddress?: string;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  body: unknown;
}

/**
 * A bare node:http request. Not `fetch`: the tests need to send malformed headers,
 * wrong content types and raw bytes that fetch would tidy up. One connection per
 * request (`agent: false`) so a socket the hub closes after an error (413) never
 * poisons the next request.
 */
export function http(baseUrl: string, method: string, path: string, options: HttpOptions = {}): Promise<HttpResponse> {
  const url = new URL(path, baseUrl);
  const headers: Record<string, string> = {};
  let payload: string | Buffer | undefined;
  if (options.json !== undefined) {
    payload = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  } else if (options.raw !== undefined) {
    payload = options.raw;
  }
  if (payload !== undefined && !options.chunked) headers['content-length'] = String(Buffer.byteLength(payload));
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  Object.assign(headers, options.headers);

  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      {
        method,
        hostname: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        headers,
        agent: false,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        answered = true;
        readResponse(res).then(resolve, reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 15_000, () => req.destroy(new Error(`${method} ${path}: no answer in time`)));
    // The hub may answer (413) and close before it has read all we send; the answer counts.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (payload !== undefined && options.chunked) {
      // Several writes so the body really crosses the wire in more than one chunk.
      const buffer = Buffer.from(payload);
      for (let i = 0; i < buffer.length; i += 16 * 1024) req.write(buffer.subarray(i, i + 16 * 1024));
      req.end();
    } else {
      req.end(payload);
    }
  });
}

/** Reads a whole answer (plain HTTP or HTTPS): its text, and its JSON body when it has one. */
export function readResponse(res: IncomingMessage): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('error', reject);
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = undefined;
      }
      resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
    });
  });
}

/** Asserts the wire error shape `{ error: { code, message } }` with the given status and code. */
export function expectError(response: HttpResponse, status: number, code: ErrorBody['error']['code']): ErrorBody {
  const context = `${status} ${code} expected, got ${response.status} ${response.text.slice(0, 300)}`;
  expect(response.status, context).toBe(status);
  expect(response.headers['content-type'], context).toMatch(/^application\/json/);
  const parsed = errorBodySchema.safeParse(response.body);
  expect(parsed.success, context).toBe(true);
  const body = parsed.data!;
  expect(body.error.code, context).toBe(code);
  expect(body.error.message.length, context).toBeGreaterThan(0);
  return body;
}

/** Asserts a 4xx (never a 5xx) carrying the wire error shape; returns the error code. */
export function expectClientError(response: HttpResponse): ErrorBody['error']['code'] {
  const context = `4xx expected, got ${response.status} ${response.text.slice(0, 300)}`;
  expect(response.status, context).toBeGreaterThanOrEqual(400);
  expect(response.status, context).toBeLessThan(500);
  const parsed = errorBodySchema.safeParse(response.body);
  expect(parsed.success, context).toBe(true);
  return parsed.data!.error.code;
}

/**
 * Writes raw bytes to the hub's port and collects whatever comes back until the
 * hub closes the connection. With `abortAfterWrite`, the client hangs up right
 * after writing instead (a kiosk losing power mid-request).
 */
export function rawExchange(baseUrl: string, bytes: string | Buffer, options: { abortAfterWrite?: boolean; timeoutMs?: number } = {}): Promise<string> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    const chunks: Buffer[] = [];
    socket.setTimeout(options.timeoutMs ?? 15_000, () => socket.destroy(new Error('raw exchange: the hub neither answered nor closed')));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(bytes, () => {
      if (options.abortAfterWrite) socket.destroy();
    });
  });
}
