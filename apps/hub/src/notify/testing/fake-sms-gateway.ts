import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SmsRequest {
  method: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: { phone: string; text: string; id: string };
}

/**
 * A loopback SMS gateway for tests: checks the method, the auth header and the body
 * shape like a real gateway would (401/400), and counts each message id once, as a
 * gateway that drops resends does. `mode` simulates an outage or a request that
 * hangs (to stop the hub mid-send).
 */
export class FakeSmsGateway {
  mode: 'up' | 'down' | 'hang' = 'up';
  /** Every accepted request, resends included. */
  readonly received: SmsRequest[] = [];
  /** First delivery of each message id. */
  readonly delivered = new Map<string, SmsRequest>();
  refused = 0;
  /** Message ids refused while down, in order. */
  readonly refusedIds: string[] = [];
  private held: (() => void)[] = [];
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private heldWaiters: (() => void)[] = [];

  constructor(readonly apiKey = 'gw-secret-key') {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/send`;
  }

  /** Answers every held request with 200 (the peer did deliver them). */
  release(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  /** Resolves once `count` requests are being held. */
  waitHeld(count: number): Promise<void> {
    if (this.held.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push(() => this.held.length >= count && resolve()));
  }

  texts(): string[] {
    return [...this.delivered.values()].map((r) => r.body.text);
  }

  async stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const reply = (status: number) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: status === 200 }));
    };
    if (req.method !== 'POST' || req.url !== '/send') return reply(405);
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) return reply(401);
    if (req.headers['content-type'] !== 'application/json') return reply(415);
    let body: SmsRequest['body'];
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SmsRequest['body'];
    } catch {
      return reply(400);
    }
    if (typeof body.phone !== 'string' || typeof body.text !== 'string' || typeof body.id !== 'string') return reply(400);
    if (this.mode === 'down') {
      this.refused++;
      this.refusedIds.push(body.id);
      return reply(503);
    }
    const request = { method: req.method, authorization: req.headers.authorization, contentType: req.headers['content-type'], body };
    const accept = () => {
      this.received.push(request);
      if (!this.delivered.has(body.id)) this.delivered.set(body.id, request);
      reply(200);
    };
    if (this.mode === 'hang') {
      this.held.push(accept);
      for (const waiter of this.heldWaiters) waiter();
      return;
    }
    accept();
  }
}
