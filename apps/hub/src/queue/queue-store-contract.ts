import { describe } from 'vitest';
import type { QueueStore } from './ports.js';
import { describeConfigMetaAndSequences } from './queue-store-contract/config-meta-sequences.js';
import { describeCountersAndCommands, describeHistoryAndFigures } from './queue-store-contract/history-and-counters.js';
import { describeQueues } from './queue-store-contract/queues.js';
import { describeTickets } from './queue-store-contract/tickets.js';
import { describeTransactions } from './queue-store-contract/transactions.js';

/**
 * The QueueStore contract: what the queue core may rely on from any store, as tests.
 * Every implementation runs this one suite (the tldraw sync-core pattern):
 * InMemoryQueueStore in in-memory-queue-store.test.ts, SqliteQueueStore on a real
 * SQLite file in store/sqlite-queue-store.contract.integration.test.ts. `open` makes
 * a fresh, empty store for one test (it may register its own cleanup).
 *
 * Lists the SQL leaves unordered (unfinished, booked past deadline) are compared as
 * sets; everything with an order in the port's documentation is compared in order.
 */
export function describeQueueStoreContract(name: string, open: () => QueueStore): void {
  describe(`QueueStore contract: ${name}`, () => {
    describeTransactions(open);
    describeConfigMetaAndSequences(open);
    describeTickets(open);
    describeQueues(open);
    describeHistoryAndFigures(open);
    describeCountersAndCommands(open);
  });
}
