import type Database from 'better-sqlite3';

export interface AuditEntry {
  /** Who acted: `admin:<username>` for a signed-in person, `device:<id> <name>` for an admin device token. */
  actor: string;
  /** What was done, dotted: `service.update`, `device.revoke`, `day.close`… */
  action: string;
  /** What it was done to: `service:land-1`, `device:12`… */
  target?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditRecord {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
}

/**
 * The audit log of every admin action: who, what, when, before and after. Callers
 * record inside the same transaction as the change, so a change and its audit entry
 * are written together or not at all.
 */
export class AuditLogStore {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      insert: db.prepare('INSERT INTO audit_log (at, actor, action, target, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)'),
      list: db.prepare(
        'SELECT id, at, actor, action, target, before_json, after_json FROM audit_log WHERE at >= ? AND at < ? AND id < ? ORDER BY id DESC LIMIT ?',
      ),
    };
  }

  record(entry: AuditEntry, at = Date.now()): void {
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    this.stmt.insert.run(at, entry.actor, entry.action, entry.target ?? null, json(entry.before), json(entry.after));
  }

  /** Newest first; `beforeId` pages backwards. */
  list(query: { from?: number; to?: number; beforeId?: number; limit?: number } = {}): AuditRecord[] {
    const rows = this.stmt.list.all(query.from ?? 0, query.to ?? Number.MAX_SAFE_INTEGER, query.beforeId ?? Number.MAX_SAFE_INTEGER, query.limit ?? 100) as {
      id: number;
      at: number;
      actor: string;
      action: string;
      target: string | null;
      before_json: string | null;
      after_json: string | null;
    }[];
    const parse = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown));
    return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, target: r.target, before: parse(r.before_json), after: parse(r.after_json) }));
  }
}
