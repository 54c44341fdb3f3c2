import { request } from 'node:https';

export interface HttpsResponse {
  status: number;
  text: string;
  body: unknown;
}

/** One HTTPS request trusting exactly `ca` (the test's self-signed certificate). */
export function httpsRequest(url: string, method: string, path: string, options: { ca: string; headers?: Record<string, string>; body?: string }): Promise<HttpsResponse> {
  const target = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = request(
      { method, hostname: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, ca: options.ca, headers: options.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, text, body });
        });
      },
    );
    req.setTimeout(15_000, () => req.destroy(new Error(`${method} ${path}: no answer in time`)));
    req.once('error', reject);
    req.end(options.body);
  });
}
