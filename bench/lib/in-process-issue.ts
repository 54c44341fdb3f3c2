import { join } from 'node:path';
import { centerConfigSchema } from '@layso/shared';
import { DEMO_CENTER } from '../../apps/hub/src/demo/demo-center.js';
import { QueueCore } from '../../apps/hub/src/queue/queue-core.js';
import { DeviceStore } from '../../apps/hub/src/devices/device-store.js';
import { DATABASE_FILE, openDatabase } from '../../apps/hub/src/store/open-database.js';
import { SqliteQueueStore } from '../../apps/hub/src/store/sqlite-queue-store.js';

export interface InProcessBucket {
  /** Open tickets in the queue when the bucket started. */
  openAtStart: number;
  tickets: number;
  /** CPU (user + system) of this process per ticket, in ms. */
  cpuMsPerTicket: number;
  wallMsPerTicket: number;
}

/**
 * The hub's issue path without HTTP: for each ticket the kiosk's token is
 * authenticated and the core issues it, `batch` tickets per durable commit (the issue
 * batcher's group commit), on a real SQLite file with the hub's pragmas. Nobody is
 * called, so the open queue grows from 0 (after `warmup` unmeasured tickets, which
 * let the JIT settle) to `total` more; the CPU per ticket is reported per bucket of
 * `bucket` tickets. CPU time is far less sensitive to other programs on
 * the machine than throughput.
 */
export function inProcessIssueCost(dir: string, options: { warmup?: number; total: number; bucket: number; batch: number; kiosks: number }): InProcessBucket[] {
  const db = openDatabase(join(dir, DATABASE_FILE));
  try {
    const devices = new DeviceStore(db);
    const tokens = Array.from({ length: options.kiosks }, (_, i) => devices.create('kiosk', { name: `in-process kiosk ${i + 1}` }).token);
    const core = new QueueCore(new SqliteQueueStore(db), { now: () => Date.now() }, centerConfigSchema.parse(DEMO_CENTER));
    const services = core.views.catalog().areas.flatMap((a) => a.services.map((s) => s.id));
    const buckets: InProcessBucket[] = [];
    let n = 0;
    const issueUpTo = (end: number) => {
      while (n < end) {
        const size = Math.min(options.batch, end - n);
        core.inOneCommit(() => {
          for (let i = 0; i < size; i += 1, n += 1) {
            const token = tokens[n % tokens.length]!;
            const device = devices.authenticate(token);
            if (!device) throw new Error('bench token not accepted');
            core.issue({ serviceId: services[n % services.length]!, requestId: `in-process-${n}`, deviceId: device.id, source: 'kiosk' });
          }
        });
      }
    };
    issueUpTo(options.warmup ?? 0);
    const total = n + options.total;
    while (n < total) {
      const cpu0 = process.cpuUsage();
      const wall0 = performance.now();
      const openAtStart = n;
      issueUpTo(Math.min(total, n + options.bucket));
      const cpu = process.cpuUsage(cpu0);
      const tickets = n - openAtStart;
      buckets.push({ openAtStart, tickets, cpuMsPerTicket: (cpu.user + cpu.system) / 1000 / tickets, wallMsPerTicket: (performance.now() - wall0) / tickets });
    }
    return buckets;
  } finally {
    db.close();
  }
}
