import type Database from 'better-sqlite3';
import type { LockoutState } from './lockout.js';

export interface AdminUserRecord extends LockoutState {
  id: number;
  username: string;
  displayName: string | null;
  passwordHash: string;
  createdAt: number;
  disabledAt: number | null;
  mustChangePassword: boolean;
}

interface Row {
  id: number;
  username: string;
  display_name: string | null;
  password_hash: string;
  created_at: number;
  disabled_at: number | null;
  failed_count: number;
  locked_until: number | null;
  must_change_password: number;
}

const COLUMNS = 'id, username, display_name, password_hash, created_at, disabled_at, failed_count, locked_until, must_change_password';

function toRecord(row: Row): AdminUserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    failedCount: row.failed_count,
    lockedUntil: row.locked_until,
    mustChangePassword: row.must_change_password === 1,
  };
}

/** People who sign in at /admin. Shared by the hub and the `admin` CLI. */
export class AdminUserStore {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      insert: db.prepare(
        'INSERT INTO admin_users (username, display_name, password_hash, created_at, must_change_password) VALUES (?, ?, ?, ?, ?) RETURNING id',
      ),
      byName: db.prepare(`SELECT ${COLUMNS} FROM admin_users WHERE username = ?`),
      byId: db.prepare(`SELECT ${COLUMNS} FROM admin_users WHERE id = ?`),
      list: db.prepare(`SELECT ${COLUMNS} FROM admin_users ORDER BY username`),
      count: db.prepare('SELECT COUNT(*) AS n FROM admin_users'),
      setPassword: db.prepare('UPDATE admin_users SET password_hash = ?, must_change_password = ?, failed_count = 0, locked_until = NULL WHERE id = ?'),
      setLockout: db.prepare('UPDATE admin_users SET failed_count = ?, locked_until = ? WHERE id = ?'),
      setDisabled: db.prepare('UPDATE admin_users SET disabled_at = ? WHERE id = ?'),
    };
  }

  create(user: { username: string; displayName?: string | null; passwordHash: string; mustChangePassword?: boolean }, now: number): AdminUserRecord {
    const { id } = this.stmt.insert.get(user.username, user.displayName ?? null, user.passwordHash, now, user.mustChangePassword ? 1 : 0) as { id: number };
    return this.byId(id)!;
  }

  /** Case-insensitive, as the column is. */
  byUsername(username: string): AdminUserRecord | null {
    const row = this.stmt.byName.get(username) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  byId(id: number): AdminUserRecord | null {
    const row = this.stmt.byId.get(id) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  list(): AdminUserRecord[] {
    return (this.stmt.list.all() as Row[]).map(toRecord);
  }

  count(): number {
    return (this.stmt.count.get() as { n: number }).n;
  }

  /** A new password also clears any lockout. */
  setPassword(id: number, passwordHash: string, mustChangePassword: boolean): void {
    this.stmt.setPassword.run(passwordHash, mustChangePassword ? 1 : 0, id);
  }

  setLockout(id: number, state: LockoutState): void {
    this.stmt.setLockout.run(state.failedCount, state.lockedUntil, id);
  }

  setDisabled(id: number, disabledAt: number | null): void {
    this.stmt.setDisabled.run(disabledAt, id);
  }
}
