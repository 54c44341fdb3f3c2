import { request } from 'node:https';
import { readResponse, type HttpResponse } from './http-client.js';

/** One HTTPS request trusting exactly `ca` (the test's self-signed certificate). */
export function httpsRequest(url: string, method: string, path: string, options: { ca: string; headers?: Record<string, string>; body?: string }): Promise<HttpResponse> {
  const target = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = request(
      { method, hostname: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, ca: options.ca, headers: options.headers ?? {}, agent: false },
      (res) => readResponse(res).then(resolve, reject),
    );
    req.setTimeout(15_000, () => req.destroy(new Error(`${method} ${path}: no answer in time`)));
    req.once('error', reject);
    req.end(options.body);
  });
}
