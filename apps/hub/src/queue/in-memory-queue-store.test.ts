import { InMemoryQueueStore } from './in-memory-queue-store.js';
import { describeQueueStoreContract } from './queue-store-contract.js';

describeQueueStoreContract('InMemoryQueueStore', () => new InMemoryQueueStore());
