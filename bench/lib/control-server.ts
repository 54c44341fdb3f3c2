/**
 * Control server: the hub's transport (node:http + socket.io, same options) with no
 * queue logic, no auth and no database. Run beside the hub under the same load, its
 * latencies are the floor the machine itself imposes (scheduling, loopback, the bench
 * process), so a missed target can be split into "the machine" and "the hub".
 *
 *   node --import tsx bench/lib/control-server.ts PORT
 *
 * GET /api/health; POST /api/tickets → 201 after reading the body; POST
 * /api/counters/:n/next → emits ticket:called, queue:changed and counter:changed to
 * every socket (as the hub does for displays), then answers { ticket: { number } }.
 * Every socket gets a `state` event on connect.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';

interface MiniSocket {
  emit(event: string, data: unknown): void;
}
interface MiniIo {
  on(event: 'connection', listener: (socket: MiniSocket) => void): void;
  emit(event: string, data: unknown): void;
}
type IoConstructor = new (server: ReturnType<typeof createServer>, options: Record<string, unknown>) => MiniIo;

// socket.io (the server) is a dependency of apps/hub only: use that very copy.
const requireFromHub = createRequire(new URL('../../apps/hub/package.json', import.meta.url));
const { Server } = requireFromHub('socket.io') as { Server: IoConstructor };

const port = Number(process.argv[2]);
let seq = 0;
let called = 0;

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const server = createServer((req, res) => {
  void (async () => {
    const body = await readBody(req);
    if (req.method === 'GET' && req.url === '/api/health') return reply(res, 200, { ok: true });
    if (req.method === 'POST' && req.url === '/api/tickets') {
      const { serviceId } = JSON.parse(body || '{}') as { serviceId?: string };
      return reply(res, 201, { id: ++seq, number: '86001', serviceId, day: '2026-11-22', issuedAt: new Date().toISOString(), priority: null, ahead: 3, estWaitMin: 15 });
    }
    const next = /^\/api\/counters\/(\d+)\/next$/.exec(req.url ?? '');
    if (req.method === 'POST' && next) {
      const counter = Number(next[1]);
      const number = String(10_000 + (++called % 90_000));
      const at = new Date().toISOString();
      io.emit('ticket:called', { number, counter, serviceId: 'cong-an-xnc', areaId: 'tang-3', recall: false, at, seq: ++seq });
      io.emit('queue:changed', { serviceId: 'cong-an-xnc', current: number, waiting: 12, estWaitMin: 30, full: false, seq: ++seq });
      io.emit('counter:changed', { counter, status: 'open', current: number, seq: ++seq });
      return reply(res, 200, { ticket: { number, counter, status: 'called' } });
    }
    reply(res, 404, { error: { code: 'NOT_FOUND', message: 'control server' } });
  })().catch(() => reply(res, 400, { error: { code: 'VALIDATION', message: 'bad request' } }));
});

const io = new Server(server, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
io.on('connection', (socket) => socket.emit('state', { seq }));

process.on('SIGTERM', () => process.exit(0));
server.listen(port, '127.0.0.1');
