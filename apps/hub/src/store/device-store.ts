import type Database from 'better-sqlite3';
import type { Role } from '@layso/shared';
import { generateToken, hashToken } from '../auth/device-token.js';

export interface Device {
  id: number;
  role: Role;
  counter: number | null;
  name: string | null;
  /**
   * Set when the caller is a person signed in at /admin (role `admin`) rather than a
   * device token. Such callers act under `id = -user.id`, so request-id idempotency
   * stays per person and never collides with a device.
   */
  user?: { id: number; username: string };
}

/** Device tokens, stored hashed. Shared by the hub and the `token create` CLI. */
export class DeviceStore {
  private readonly stmt;
  private readonly lastTouched = new Map<number, number>();

  constructor(db: Database.Database) {
    this.stmt = {
      insert: db.prepare('INSERT INTO devices (token_hash, role, counter, name, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id'),
      byHash: db.prepare('SELECT id, role, counter, name FROM devices WHERE token_hash = ? AND revoked_at IS NULL'),
      touch: db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?'),
      revoke: db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      saveStatus: db.prepare('UPDATE devices SET status_json = ?, status_at = ?, last_seen_at = ? WHERE id = ?'),
      status: db.prepare('SELECT status_json, status_at FROM devices WHERE id = ?'),
    };
  }

  create(role: Role, options: { counter?: number | null; name?: string | null; now?: number } = {}): { device: Device; token: string } {
    const counter = role === 'counter' ? (options.counter ?? null) : null;
    if (role === 'counter' && counter === null) throw new Error('a counter token needs --counter N');
    const token = generateToken();
    const { id } = this.stmt.insert.get(hashToken(token), role, counter, options.name ?? null, options.now ?? Date.now()) as { id: number };
    return { device: { id, role, counter, name: options.name ?? null }, token };
  }

  authenticate(token: string): Device | null {
    return (this.stmt.byHash.get(hashToken(token)) as Device | undefined) ?? null;
  }

  /** Records that a device was seen, at most once a minute per device to spare the disk. */
  touch(deviceId: number, now = Date.now()): void {
    if (now - (this.lastTouched.get(deviceId) ?? 0) < 60_000) return;
    this.lastTouched.set(deviceId, now);
    this.stmt.touch.run(now, deviceId);
  }

  /** Stores what a device last reported about itself (a kiosk's printer, its app version). */
  saveStatus(deviceId: number, status: unknown, now = Date.now()): void {
    this.stmt.saveStatus.run(JSON.stringify(status), now, now, deviceId);
  }

  status(deviceId: number): { status: unknown; at: number } | null {
    const row = this.stmt.status.get(deviceId) as { status_json: string | null; status_at: number | null } | undefined;
    return row?.status_json ? { status: JSON.parse(row.status_json) as unknown, at: row.status_at! } : null;
  }

  revoke(deviceId: number, now = Date.now()): boolean {
    return this.stmt.revoke.run(now, deviceId).changes > 0;
  }
}
