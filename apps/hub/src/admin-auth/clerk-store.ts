import type Database from 'better-sqlite3';
import type { LockoutState } from './lockout.js';

export interface ClerkRecord extends LockoutState {
  id: number;
  code: string;
  name: string;
  pinHash: string;
  createdAt: number;
  disabledAt: number | null;
  /** The counter this clerk is signed in at, if any. */
  counter: number | null;
}

interface Row {
  id: number;
  code: string;
  name: string;
  pin_hash: string;
  created_at: number;
  disabled_at: number | null;
  failed_count: number;
  locked_until: number | null;
  counter: number | null;
}

const SELECT = `SELECT c.id, c.code, c.name, c.pin_hash, c.created_at, c.disabled_at, c.failed_count, c.locked_until, cc.counter
  FROM clerks c LEFT JOIN counter_clerks cc ON cc.clerk_id = c.id`;

function toRecord(row: Row): ClerkRecord {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    pinHash: row.pin_hash,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    failedCount: row.failed_count,
    lockedUntil: row.locked_until,
    counter: row.counter,
  };
}

/** Clerks (code, name, PIN hash) and who is signed in at which counter. */
export class ClerkStore {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      insert: db.prepare('INSERT INTO clerks (code, name, pin_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id'),
      byId: db.prepare(`${SELECT} WHERE c.id = ?`),
      byCode: db.prepare(`${SELECT} WHERE c.code = ?`),
      list: db.prepare(`${SELECT} ORDER BY c.code`),
      anyEnabled: db.prepare('SELECT EXISTS (SELECT 1 FROM clerks WHERE disabled_at IS NULL) AS yes'),
      rename: db.prepare('UPDATE clerks SET name = ? WHERE id = ?'),
      setPin: db.prepare('UPDATE clerks SET pin_hash = ?, failed_count = 0, locked_until = NULL WHERE id = ?'),
      setLockout: db.prepare('UPDATE clerks SET failed_count = ?, locked_until = ? WHERE id = ?'),
      setDisabled: db.prepare('UPDATE clerks SET disabled_at = ? WHERE id = ?'),
      atCounter: db.prepare(`${SELECT} WHERE cc.counter = ?`),
      signIn: db.prepare(
        'INSERT INTO counter_clerks (counter, clerk_id, signed_in_at) VALUES (?, ?, ?) ON CONFLICT (counter) DO UPDATE SET clerk_id = excluded.clerk_id, signed_in_at = excluded.signed_in_at',
      ),
      signOutClerk: db.prepare('DELETE FROM counter_clerks WHERE clerk_id = ?'),
      signOutCounter: db.prepare('DELETE FROM counter_clerks WHERE counter = ?'),
      moveCounter: db.prepare('UPDATE counter_clerks SET counter = ? WHERE counter = ?'),
    };
  }

  create(clerk: { code: string; name: string; pinHash: string }, now: number): ClerkRecord {
    const { id } = this.stmt.insert.get(clerk.code, clerk.name, clerk.pinHash, now) as { id: number };
    return this.byId(id)!;
  }

  byId(id: number): ClerkRecord | null {
    const row = this.stmt.byId.get(id) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  /** Case-insensitive, as the column is. */
  byCode(code: string): ClerkRecord | null {
    const row = this.stmt.byCode.get(code) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  list(): ClerkRecord[] {
    return (this.stmt.list.all() as Row[]).map(toRecord);
  }

  anyEnabled(): boolean {
    return (this.stmt.anyEnabled.get() as { yes: number }).yes === 1;
  }

  rename(id: number, name: string): void {
    this.stmt.rename.run(name, id);
  }

  setPin(id: number, pinHash: string): void {
    this.stmt.setPin.run(pinHash, id);
  }

  setLockout(id: number, state: LockoutState): void {
    this.stmt.setLockout.run(state.failedCount, state.lockedUntil, id);
  }

  setDisabled(id: number, disabledAt: number | null): void {
    this.stmt.setDisabled.run(disabledAt, id);
  }

  atCounter(counter: number): ClerkRecord | null {
    const row = this.stmt.atCounter.get(counter) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  /** Signs the clerk in at `counter`, replacing whoever was there and leaving any other counter. */
  signIn(counter: number, clerkId: number, now: number): void {
    this.stmt.signOutClerk.run(clerkId);
    this.stmt.signIn.run(counter, clerkId, now);
  }

  signOutCounter(counter: number): boolean {
    return this.stmt.signOutCounter.run(counter).changes > 0;
  }

  signOutClerk(clerkId: number): boolean {
    return this.stmt.signOutClerk.run(clerkId).changes > 0;
  }

  /**
   * A renumbered counter keeps its signed-in clerk. A sign-in left at `to` (a counter
   * deleted while someone was signed in there) is stale and gives way. Returns the
   * clerk moved, if any.
   */
  moveCounter(from: number, to: number): ClerkRecord | null {
    this.stmt.signOutCounter.run(to);
    this.stmt.moveCounter.run(to, from);
    return this.atCounter(to);
  }
}
