/**
 * A flood of `state:request` from public (no token) sockets, for the flood integration
 * test and by hand: `node --import tsx apps/hub/src/realtime/state-request-flood.ts URL
 * [sockets=4] [seconds=10]`. Each socket sends flat out; one the hub disconnects is
 * replaced at once by a new one, as an attacker (or the shared client) would. Runs in
 * its own process so its work does not slow the measurements; prints one JSON line.
 */
import { io, type Socket } from 'socket.io-client';

const [url, socketsArg = '4', secondsArg = '10'] = process.argv.slice(2);
if (!url) {
  console.error('usage: state-request-flood.ts URL [sockets] [seconds]');
  process.exit(64);
}
const endAt = performance.now() + Number(secondsArg) * 1000;
const totals = { connections: 0, refused: 0, requests: 0, snapshots: 0, disconnects: {} as Record<string, number>, errors: {} as Record<string, number> };
const open = new Set<Socket>();

function flooder(): void {
  if (performance.now() >= endAt) return;
  const socket = io(url!, { transports: ['websocket'], forceNew: true, reconnection: false });
  open.add(socket);
  socket.on('state', () => (totals.snapshots += 1));
  socket.on('error', (payload: { code?: string }) => (totals.errors[payload.code ?? '?'] = (totals.errors[payload.code ?? '?'] ?? 0) + 1));
  socket.on('connect', () => {
    totals.connections += 1;
    const burst = () => {
      if (!socket.connected || performance.now() >= endAt) return;
      for (let i = 0; i < 200; i++) socket.emit('state:request');
      totals.requests += 200;
      setImmediate(burst);
    };
    burst();
  });
  const replace = () => {
    open.delete(socket);
    socket.close();
    setImmediate(flooder);
  };
  socket.on('connect_error', () => {
    totals.refused += 1;
    // A refused handshake (the hub's caps): try again shortly, as the shared client does.
    open.delete(socket);
    socket.close();
    setTimeout(flooder, 100);
  });
  socket.on('disconnect', (reason) => {
    totals.disconnects[reason] = (totals.disconnects[reason] ?? 0) + 1;
    replace();
  });
}

for (let i = 0; i < Number(socketsArg); i++) flooder();
setTimeout(() => {
  for (const socket of open) socket.close();
  console.log(JSON.stringify(totals));
  process.exit(0);
}, endAt - performance.now() + 50);
