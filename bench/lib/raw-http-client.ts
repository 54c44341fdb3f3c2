import { connect, type Socket } from 'node:net';
import type { HttpReply } from './http-client.js';

interface Exchange {
  request: Buffer;
  resolve(reply: HttpReply): void;
  reject(error: Error): void;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * One keep-alive HTTP/1.1 connection that sends prebuilt request bytes and reads
 * `Content-Length` responses (all the hub and the control server send). A load
 * generator on the same 2 cores as the server must cost little: node:http's client
 * spends more CPU per request than the server it measures, and a busy bench process
 * sends late, which shows up as server latency in an open loop.
 */
class RawConnection {
  private readonly socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private current: Exchange | null = null;
  private failed: Error | null = null;

  private timer: NodeJS.Timeout | null = null;

  constructor(
    port: number,
    private readonly onIdle: (connection: RawConnection) => void,
    private readonly onFailed: (connection: RawConnection) => void,
  ) {
    this.socket = connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.receive(chunk));
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.fail(new Error('connection closed by the server')));
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = error;
    if (this.timer) clearTimeout(this.timer);
    this.current?.reject(error);
    this.current = null;
    this.socket.destroy();
    this.onFailed(this);
  }

  get usable(): boolean {
    return this.failed === null;
  }

  send(exchange: Exchange): void {
    if (this.failed) return exchange.reject(this.failed);
    this.current = exchange;
    this.timer = setTimeout(() => this.fail(new Error('no response within 10 s')), 10_000);
    this.socket.write(exchange.request);
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headerEnd = this.buffer.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = this.buffer.subarray(0, headerEnd).toString('latin1');
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    const bodyStart = headerEnd + HEADER_END.length;
    if (this.buffer.length < bodyStart + length) return;
    const status = Number(head.slice(9, 12));
    const text = this.buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
    this.buffer = this.buffer.subarray(bodyStart + length);
    const exchange = this.current;
    this.current = null;
    if (this.timer) clearTimeout(this.timer);
    exchange?.resolve({ status, text });
    this.onIdle(this);
  }
}

/**
 * Up to `maxConnections` raw connections to one server, opened on demand, one request
 * in flight on each (like a keep-alive `http.Agent` with that many sockets); further
 * requests wait for a free connection.
 */
export class RawHttpPool {
  private readonly idle: RawConnection[] = [];
  private readonly all: RawConnection[] = [];
  private readonly waiting: Exchange[] = [];

  constructor(
    private readonly port: number,
    private readonly maxConnections = 4,
  ) {}

  request(method: 'GET' | 'POST', path: string, options: { token?: string; body?: string } = {}): Promise<HttpReply> {
    const body = options.body === undefined ? '' : options.body;
    const head =
      `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${this.port}\r\nConnection: keep-alive\r\n` +
      (options.token ? `Authorization: Bearer ${options.token}\r\n` : '') +
      (options.body === undefined ? '' : `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`) +
      '\r\n';
    return new Promise((resolve, reject) => {
      this.dispatch({ request: Buffer.from(head + body, 'utf8'), resolve, reject });
    });
  }

  close(): void {
    for (const connection of this.all) connection.close();
    this.all.length = 0;
    this.idle.length = 0;
    for (const exchange of this.waiting.splice(0)) exchange.reject(new Error('pool closed'));
  }

  private dispatch(exchange: Exchange): void {
    let connection = this.idle.pop();
    while (connection && !connection.usable) connection = this.idle.pop();
    if (!connection && this.all.filter((c) => c.usable).length < this.maxConnections) {
      connection = new RawConnection(
        this.port,
        (free) => this.release(free),
        // A broken connection is dropped; whoever waits gets a new one.
        () => {
          const next = this.waiting.shift();
          if (next) this.dispatch(next);
        },
      );
      this.all.push(connection);
    }
    if (connection) connection.send(exchange);
    else this.waiting.push(exchange);
  }

  private release(connection: RawConnection): void {
    const next = this.waiting.shift();
    if (next) connection.send(next);
    else this.idle.push(connection);
  }
}
