import type Database from 'better-sqlite3';
import type { SessionTimes } from './session-policy.js';

export interface AdminSessionRecord extends SessionTimes {
  tokenHash: string;
  userId: number;
}

interface Row {
  token_hash: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
}

/** Signed-in admin sessions, keyed by the hash of their bearer token. */
export class AdminSessionStore {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      insert: db.prepare('INSERT INTO admin_sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)'),
      find: db.prepare('SELECT token_hash, user_id, created_at, expires_at, last_seen_at FROM admin_sessions WHERE token_hash = ?'),
      touch: db.prepare('UPDATE admin_sessions SET last_seen_at = ? WHERE token_hash = ?'),
      remove: db.prepare('DELETE FROM admin_sessions WHERE token_hash = ?'),
      removeForUser: db.prepare('DELETE FROM admin_sessions WHERE user_id = ? AND token_hash <> ?'),
      purge: db.prepare('DELETE FROM admin_sessions WHERE expires_at <= ? OR last_seen_at <= ?'),
    };
  }

  create(session: AdminSessionRecord): void {
    this.stmt.insert.run(session.tokenHash, session.userId, session.createdAt, session.expiresAt, session.lastSeenAt);
  }

  find(tokenHash: string): AdminSessionRecord | null {
    const row = this.stmt.find.get(tokenHash) as Row | undefined;
    return row ? { tokenHash: row.token_hash, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at } : null;
  }

  touch(tokenHash: string, now: number): void {
    this.stmt.touch.run(now, tokenHash);
  }

  remove(tokenHash: string): boolean {
    return this.stmt.remove.run(tokenHash).changes > 0;
  }

  /** Ends a user's sessions (all but `keep`): after a password change or disabling. */
  removeForUser(userId: number, keep = ''): number {
    return this.stmt.removeForUser.run(userId, keep).changes;
  }

  /** Drops sessions past their absolute end or idle since `idleBefore`. */
  purge(now: number, idleBefore: number): number {
    return this.stmt.purge.run(now, idleBefore).changes;
  }
}
