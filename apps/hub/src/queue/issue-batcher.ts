import type { IssuedTicket } from '@layso/shared';
import type { IssueCommand, QueueCore, QueueEvent } from './queue-core.js';

interface Pending {
  command: IssueCommand;
  resolve(ticket: IssuedTicket): void;
  reject(error: unknown): void;
}

/**
 * Group commit for ticket issuing: requests that arrive while the event loop is
 * busy are issued together in one transaction, so one fsync acknowledges them all.
 * Each request still succeeds or fails on its own (nested savepoints), and no
 * promise resolves before the commit is durable.
 */
export class IssueBatcher {
  private pending: Pending[] = [];
  batches = 0;

  constructor(
    private readonly core: QueueCore,
    private readonly publish: (events: QueueEvent[]) => void,
    private readonly maxBatch = 256,
  ) {}

  issue(command: IssueCommand): Promise<IssuedTicket> {
    return new Promise((resolve, reject) => {
      this.pending.push({ command, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
      else if (this.pending.length >= this.maxBatch) this.flush();
    });
  }

  private flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    this.batches += 1;
    const outcomes: ({ ok: true; value: IssuedTicket } | { ok: false; error: unknown })[] = [];
    const events: QueueEvent[] = [];
    try {
      this.core.inOneCommit(() => {
        for (const item of batch) {
          try {
            const outcome = this.core.issue(item.command);
            outcomes.push({ ok: true, value: outcome.value });
            events.push(...outcome.events);
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing in this batch was acknowledged.
      this.core.resyncAfterFailedCommit();
      for (const item of batch) item.reject(error);
      return;
    }
    this.publish(events);
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }
}
