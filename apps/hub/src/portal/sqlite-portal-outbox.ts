import type Database from 'better-sqlite3';
import type { Outbox, OutboxMessage } from './ports.js';

export class SqlitePortalOutbox implements Outbox {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      replace: db.prepare(`UPDATE outbox SET payload_json = ? WHERE topic = ? AND coalesce_key = ? AND delivered_at IS NULL`),
      insert: db.prepare('INSERT INTO outbox (topic, coalesce_key, payload_json, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)'),
      head: db.prepare('SELECT id, topic, payload_json, attempts, next_attempt_at FROM outbox WHERE delivered_at IS NULL ORDER BY id LIMIT 1'),
      delivered: db.prepare('UPDATE outbox SET delivered_at = ?, last_error = NULL WHERE id = ?'),
      failed: db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?'),
      pending: db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL'),
    };
  }

  enqueue(topic: string, payload: unknown, at: number, coalesceKey?: string): void {
    const json = JSON.stringify(payload);
    if (coalesceKey !== undefined && this.stmt.replace.run(json, topic, coalesceKey).changes > 0) return;
    this.stmt.insert.run(topic, coalesceKey ?? null, json, at, at);
  }

  head(): OutboxMessage | null {
    const row = this.stmt.head.get() as { id: number; topic: string; payload_json: string; attempts: number; next_attempt_at: number } | undefined;
    return row ? { id: row.id, topic: row.topic, payload: JSON.parse(row.payload_json), attempts: row.attempts, nextAttemptAt: row.next_attempt_at } : null;
  }

  markDelivered(id: number, at: number): void {
    this.stmt.delivered.run(at, id);
  }

  markFailed(id: number, error: string, nextAttemptAt: number): void {
    this.stmt.failed.run(error.slice(0, 500), nextAttemptAt, id);
  }

  pendingCount(): number {
    return (this.stmt.pending.get() as { n: number }).n;
  }
}
