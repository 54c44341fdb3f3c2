import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  bookingAckSchema,
  bookingStatusPushSchema,
  PORTAL_PATHS,
  serviceStatusPushSchema,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  type BookingAck,
  type BookingStatusPush,
  type PortalBookingRequest,
  type ServiceStatusPush,
} from '@layso/shared';
import { checkSignature } from '../portal/request-signature.js';

/**
 * The provincial portal's side of pull mode and upstream status, on loopback: it
 * queues bookings for the hub to pull, receives the hub's acks and status pushes,
 * checks every signature, and can be taken "down" to simulate an outage.
 */
export class SimulatedPortal {
  readonly pending: PortalBookingRequest[] = [];
  readonly acks: BookingAck[] = [];
  readonly serviceStatus: ServiceStatusPush[] = [];
  readonly bookingStatus: BookingStatusPush[] = [];
  readonly refused: string[] = [];
  down = false;
  /** The latest "Giao dịch hiện tại" per service, as the portal would show it. */
  readonly current = new Map<string, { current: string | null; waiting: number; estWaitMin: number }>();
  private server: Server | null = null;

  constructor(private readonly secret: string) {}

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Queues a booking for the hub to pull (a duplicate delivery is just queued again). */
  addBooking(request: PortalBookingRequest): void {
    this.pending.push(request);
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (this.down) return reply(503, { error: 'portal under maintenance' });
    const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
    const problem = checkSignature({
      secret: this.secret,
      timestamp: header(TIMESTAMP_HEADER),
      signature: header(SIGNATURE_HEADER),
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      body,
      now: Date.now(),
    });
    if (problem) {
      this.refused.push(`${req.method} ${req.url}: ${problem}`);
      return reply(401, { error: problem });
    }
    const url = new URL(req.url ?? '/', 'http://portal');
    if (req.method === 'GET' && url.pathname === PORTAL_PATHS.pendingBookings) {
      const from = Number(url.searchParams.get('cursor') || '0');
      const page = this.pending.slice(from, from + 50);
      return reply(200, { bookings: page, cursor: String(from + page.length) });
    }
    const json: unknown = body ? JSON.parse(body) : null;
    if (req.method === 'POST' && /^\/layso\/v1\/bookings\/[^/]+\/ack$/.test(url.pathname)) {
      this.acks.push(bookingAckSchema.parse(json));
      return reply(200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === PORTAL_PATHS.serviceStatus) {
      const push = serviceStatusPushSchema.parse(json);
      this.serviceStatus.push(push);
      for (const s of push.services) this.current.set(s.serviceId, { current: s.current, waiting: s.waiting, estWaitMin: s.estWaitMin });
      return reply(200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === PORTAL_PATHS.bookingStatus) {
      this.bookingStatus.push(bookingStatusPushSchema.parse(json));
      return reply(200, { ok: true });
    }
    return reply(404, { error: 'not found' });
  }
}
