/**
 * A flood of `state:request` from public (no token) sockets, for the flood integration
 * test and by hand: `node --import tsx apps/hub/src/realtime/state-request-flood.ts URL
 * [sockets=4] [seconds=10]`. Prints one JSON line of totals when done.
 *
 * It speaks socket.io over a bare TCP websocket, as an attack script would: the
 * requests are pre-encoded frames written as fast as the hub takes them (TCP
 * backpressure), and what the hub sends is read and thrown away unparsed. So it costs
 * almost no CPU itself and its strength does not depend on how busy the machine is.
 * A connection the hub disconnects is replaced at once by a new one (as soon as the
 * hub says so, not when it finally closes), so four keep flooding all the time.
 */
import { connect, type Socket } from 'node:net';

const [url, socketsArg = '4', secondsArg = '10'] = process.argv.slice(2);
if (!url) {
  console.error('usage: state-request-flood.ts URL [sockets] [seconds]');
  process.exit(64);
}
const target = new URL(url);
const endAt = performance.now() + Number(secondsArg) * 1000;

/** One client->server websocket text frame (masked, with an all-zero key: payload unchanged). */
function frame(text: string): Buffer {
  const payload = Buffer.from(text);
  if (payload.length > 125) throw new Error('short frames only');
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length, 0, 0, 0, 0]), payload]);
}
const CONNECT = frame('40');
const REQUESTS_PER_WRITE = 2_000;
const REQUESTS = Buffer.concat(Array.from({ length: REQUESTS_PER_WRITE }, () => frame('42["state:request"]')));

const totals = { connections: 0, refused: 0, requests: 0, bytesReceived: 0, closedByHub: 0, rateLimitedNotices: 0 };
const open = new Set<Socket>();

function flooder(): void {
  if (performance.now() >= endAt) return;
  const socket = connect(Number(target.port), target.hostname);
  open.add(socket);
  let handshake = '';
  let flooding = false;
  let replaced = false;
  const replace = (delayMs: number) => {
    if (replaced) return;
    replaced = true;
    setTimeout(flooder, delayMs);
  };
  const flood = () => {
    while (!socket.destroyed && performance.now() < endAt) {
      totals.requests += REQUESTS_PER_WRITE;
      if (!socket.write(REQUESTS)) return void socket.once('drain', flood);
    }
  };
  socket.on('connect', () => {
    socket.write(
      `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: ${target.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
  });
  socket.on('data', (chunk: Buffer) => {
    totals.bytesReceived += chunk.length;
    if (flooding) {
      // The hub's notice before it disconnects a flooder (cheap check: it is in one frame).
      if (chunk.includes('RATE_LIMITED')) {
        totals.rateLimitedNotices += 1;
        replace(0);
      }
      return;
    }
    handshake += chunk.toString('latin1');
    if (!handshake.startsWith('HTTP/1.1 101')) {
      if (handshake.includes('\r\n\r\n')) socket.destroy();
      return;
    }
    // Engine.io's open packet came: join the main namespace, and flood once the hub accepted.
    if (handshake.includes('0{"sid"') && !handshake.includes('40{')) {
      if (!handshake.includes('\u0000sent')) socket.write(CONNECT);
      handshake += '\u0000sent';
    }
    if (handshake.includes('40{"sid"')) {
      flooding = true;
      totals.connections += 1;
      flood();
    } else if (handshake.includes('44{')) {
      totals.refused += 1;
      socket.destroy();
    }
  });
  socket.on('error', () => undefined);
  socket.on('close', () => {
    open.delete(socket);
    if (flooding && performance.now() < endAt) totals.closedByHub += 1;
    // A refused or dropped connection is replaced, a little later when it never got in.
    replace(flooding ? 0 : 100);
  });
}

for (let i = 0; i < Number(socketsArg); i++) flooder();
setTimeout(() => {
  for (const socket of open) socket.destroy();
  console.log(JSON.stringify(totals));
  process.exit(0);
}, endAt - performance.now() + 50);
