import { Agent, request } from 'node:http';

export interface HttpReply {
  status: number;
  text: string;
}

export interface Target {
  port: number;
  agent: Agent;
}

/** A keep-alive agent: one per simulated device, so each keeps its own connection(s). */
export function keepAliveAgent(maxSockets = 1): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

/** One HTTP exchange with the hub on 127.0.0.1; resolves when the whole body has arrived. */
export function call(target: Target, method: 'GET' | 'POST', path: string, options: { token?: string; body?: string; timeoutMs?: number } = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(options.body));
    }
    const req = request({ host: '127.0.0.1', port: target.port, method, path, agent: target.agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(options.timeoutMs ?? 10_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

export async function callJson<T>(target: Target, method: 'GET' | 'POST', path: string, options: { token?: string; body?: unknown } = {}): Promise<T> {
  const reply = await call(target, method, path, { ...options, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  if (reply.status >= 300) throw new Error(`${method} ${path} → ${reply.status} ${reply.text.slice(0, 300)}`);
  return JSON.parse(reply.text) as T;
}
