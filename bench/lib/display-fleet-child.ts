/**
 * A process holding a share of the display clients (forked by childProcessFleet).
 * argv: hub url, display token, client count. Reports to the parent over IPC:
 * `ready` once all are connected, then one `delivery` per ticket number as soon as
 * every client of this process has seen its `ticket:called`.
 */
import type { ChildMessage } from './display-fleet.js';
import { connectDisplays } from './display-fleet.js';
import { monoMs } from './paths.js';

const [url, token, countText] = process.argv.slice(2);
const count = Number(countText);
const send = (message: ChildMessage) => process.send?.(message);
const seen = new Map<string, { count: number; first: number; last: number }>();

// Never outlive the benchmark: exit if the parent goes away or after ten minutes.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
setTimeout(() => process.exit(0), 600_000).unref();

try {
  await connectDisplays(url!, token!, count, (number) => {
    const now = monoMs();
    const s = seen.get(number) ?? { count: 0, first: now, last: now };
    s.count += 1;
    s.last = now;
    seen.set(number, s);
    if (s.count === count) {
      seen.delete(number);
      send({ type: 'delivery', number, ...s });
    }
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'error', message: (error as Error).message });
  process.exit(1);
}
