/**
 * The simulated boards of board-bench.ts, in their own process so their work does
 * not slow the hub under test (in the hall each board is its own machine).
 *
 *   node --import tsx board-bench-clients.ts <hubUrl> <counter>   (tokens on stdin, one a line)
 *
 * Prints `ready` once every board has its snapshot, then `all <number>` each time
 * every board shows a new number at <counter>.
 */
import { createInterface } from 'node:readline';
import { connectHub, type HubConnection } from '@layso/shared/client';

const [url, counterArg] = process.argv.slice(2);
const counter = Number(counterArg);
const tokens: string[] = [];
for await (const line of createInterface({ input: process.stdin })) if (line.trim()) tokens.push(line.trim());

const currents = tokens.map((): string | null | undefined => undefined);
let lastAll: string | null = null;
let ready = false;
const connections: HubConnection[] = tokens.map((token, i) =>
  connectHub({
    url: url!,
    token,
    onState: (state) => {
      currents[i] = state.catalog.counters.find((c) => c.number === counter)?.current ?? null;
      if (!ready && currents.every((c) => c !== undefined)) {
        ready = true;
        process.stdout.write('ready\n');
      }
      const first = currents[0];
      if (ready && first && first !== lastAll && currents.every((c) => c === first)) {
        lastAll = first;
        process.stdout.write(`all ${first}\n`);
      }
    },
  }),
);

process.on('SIGTERM', () => {
  for (const connection of connections) connection.close();
  process.exit(0);
});
