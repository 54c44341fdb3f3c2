import type Database from 'better-sqlite3';

export interface CentralOutboxRow {
  seq: number;
  kind: string;
  day: string | null;
  occurredAt: number;
  payload: Record<string, string | number | boolean | null>;
}

const ENABLED_KEY = 'central.upstream';
const CURSOR_KEY = 'central.acked';

/**
 * The hub's side of the stream to central: rows the migration 010 triggers queue in
 * the committing transaction, and the seq central last acknowledged.
 */
export class SqliteCentralOutbox {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      after: db.prepare('SELECT seq, kind, day, occurred_at, payload_json FROM central_outbox WHERE seq > ? ORDER BY seq LIMIT ?'),
      prune: db.prepare('DELETE FROM central_outbox WHERE seq <= ? AND occurred_at < ?'),
      pending: db.prepare('SELECT COUNT(*) FROM central_outbox WHERE seq > ?').pluck(),
    };
  }

  /** Turns queuing on or off (off: a hub without central holds nothing for it). */
  setEnabled(on: boolean): void {
    this.stmt.setMeta.run(ENABLED_KEY, on ? 'on' : 'off');
  }

  acked(): number {
    return Number(this.stmt.getMeta.get(CURSOR_KEY) ?? 0);
  }

  setAcked(seq: number): void {
    this.stmt.setMeta.run(CURSOR_KEY, String(seq));
  }

  after(seq: number, limit: number): CentralOutboxRow[] {
    const rows = this.stmt.after.all(seq, limit) as Array<{ seq: number; kind: string; day: string | null; occurred_at: number; payload_json: string }>;
    return rows.map((r) => ({ seq: r.seq, kind: r.kind, day: r.day, occurredAt: r.occurred_at, payload: JSON.parse(r.payload_json) }));
  }

  /** Drops acknowledged rows older than `before`: kept a while so a central restored from a backup can be refilled. */
  prune(ackedSeq: number, before: number): void {
    this.stmt.prune.run(ackedSeq, before);
  }

  pendingCount(): number {
    return this.stmt.pending.get(this.acked()) as number;
  }
}
