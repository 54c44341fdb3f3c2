import type Database from 'better-sqlite3';
import type { AuditAction } from '@layso/shared';

export interface AuditEntry {
  /** Who acted: `admin:<username>` for a signed-in person, `device:<id> <name>` for an admin device token. */
  actor: string;
  /** What was done, dotted: `service.update`, `device.revoke`, `day.close`… (only the kinds the console can word). */
  action: AuditAction;
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
      // `actor`: one person (exact); `kind`: an action (`service.update`) or its kind (`service`).
      list: db.prepare(
        `SELECT id, at, actor, action, target, before_json, after_json FROM audit_log
          WHERE at >= @from AND at < @to AND id < @beforeId
            AND (@actor IS NULL OR actor = @actor)
            AND (@kind IS NULL OR action = @kind OR action LIKE @kind || '.%')
          ORDER BY id DESC LIMIT @limit`,
      ),
      actors: db.prepare('SELECT DISTINCT actor FROM audit_log ORDER BY actor LIMIT 500'),
    };
  }

  record(entry: AuditEntry, at = Date.now()): void {
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    this.stmt.insert.run(at, entry.actor, entry.action, entry.target ?? null, json(entry.before), json(entry.after));
  }

  /** Newest first; `beforeId` pages backwards. */
  list(query: { from?: number; to?: number; beforeId?: number; limit?: number; actor?: string; kind?: string } = {}): AuditRecord[] {
    const rows = this.stmt.list.all({
      from: query.from ?? 0,
      to: query.to ?? Number.MAX_SAFE_INTEGER,
      beforeId: query.beforeId ?? Number.MAX_SAFE_INTEGER,
      actor: query.actor ?? null,
      kind: query.kind ?? null,
      limit: query.limit ?? 100,
    }) as {
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

  /** Everyone who has an entry (for the log's "person" filter). */
  actors(): string[] {
    return (this.stmt.actors.all() as { actor: string }[]).map((r) => r.actor);
  }
}
