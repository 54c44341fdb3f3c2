import { parseArgs } from 'node:util';
import type { PortalCatalog } from '@layso/shared';
import { createPushBooker } from './push-booker.js';
import { SimulatedPortal } from './simulated-portal.js';

const USAGE = `layso portal simulator (plays the provincial portal)

  push mode (the portal calls the hub):
    pnpm portal-sim push --hub http://127.0.0.1:8080 --token <portal token> --secret <shared secret> [--rate 6] [--count 20]
  pull mode (the hub polls the portal; set portal.url to http://127.0.0.1:<port> in center.json):
    pnpm portal-sim pull --port 9400 --secret <shared secret> [--rate 6] [--count 20]

--rate is bookings per minute; --services limits the services booked (comma-separated ids).
`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    hub: { type: 'string' },
    token: { type: 'string' },
    secret: { type: 'string' },
    port: { type: 'string', default: '9400' },
    rate: { type: 'string', default: '6' },
    count: { type: 'string', default: '20' },
    services: { type: 'string', default: 'cong-an-xnc,visa,tu-phap,y-te' },
  },
});
const mode = positionals[0];
if ((mode !== 'push' && mode !== 'pull') || !values.secret) {
  process.stderr.write(USAGE);
  process.exit(1);
}
const services = values.services!.split(',');
const intervalMs = 60_000 / Math.max(0.1, Number(values.rate));
const count = Number(values.count);
const ref = (i: number) => `SIM-${Date.now().toString(36)}-${i}`;
const phone = () => `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

function printCatalog(catalog: PortalCatalog | Map<string, { current: string | null; waiting: number }>): void {
  const rows = catalog instanceof Map ? [...catalog.entries()].map(([id, s]) => ({ id, ...s })) : catalog.areas.flatMap((a) => a.services);
  console.log(`— Giao dịch hiện tại (${new Date().toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}) —`);
  for (const s of rows) console.log(`  ${s.id.padEnd(24)} ${String(s.current ?? 0).padStart(5)}   đang chờ ${s.waiting}`);
}

if (mode === 'push') {
  if (!values.hub || !values.token) {
    process.stderr.write(USAGE);
    process.exit(1);
  }
  const booker = createPushBooker({ hubUrl: values.hub, token: values.token, secret: values.secret });
  for (let i = 0; i < count; i++) {
    const serviceId = services[i % services.length]!;
    const booking = await booker.book(ref(i), serviceId, phone());
    console.log(`booked ${booking.bookingRef}: ${booking.message}`);
    printCatalog(await booker.catalog());
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
} else {
  const portal = await new SimulatedPortal(values.secret).start(Number(values.port));
  console.log(`portal simulator listening on ${portal.url} (pull mode)`);
  for (let i = 0; i < count; i++) {
    portal.addBooking({ bookingRef: ref(i), serviceId: services[i % services.length]!, contact: { phone: phone() } });
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    for (const ack of portal.acks.splice(0)) console.log(ack.accepted ? `ack ${ack.bookingRef}: ${ack.message}` : `rejected ${ack.bookingRef}: ${ack.error.message}`);
    printCatalog(portal.current);
  }
  await portal.stop();
}
