import type Database from 'better-sqlite3';
import { unlessBusy } from '../store/database-busy.js';
import type { DeviceScreen, Role } from '@layso/shared';
import type { Device } from '../auth/caller.js';
import { generateToken, hashToken } from '../auth/device-token.js';

/** A device as the fleet view lists it: every column but the token hash. Instants are epoch ms. */
export interface DeviceRecord {
  id: number;
  role: Role;
  counter: number | null;
  name: string | null;
  /** The screen it was paired as; null when unknown (admin, portal, a CLI display token). */
  screen: DeviceScreen | null;
  /** The counter a door screen belongs to (a door screen's token acts for no counter). */
  screenCounter: number | null;
  createdAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
  /** What the device last reported (PUT /api/devices/me/status), parsed. */
  status: unknown;
  statusAt: number | null;
}

interface DeviceRow {
  id: number;
  role: Role;
  counter: number | null;
  name: string | null;
  screen: DeviceScreen | null;
  screen_counter: number | null;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
  status_json: string | null;
  status_at: number | null;
}

const RECORD_COLUMNS = 'id, role, counter, name, screen, screen_counter, created_at, last_seen_at, revoked_at, status_json, status_at';

function toRecord(row: DeviceRow): DeviceRecord {
  return {
    id: row.id,
    role: row.role,
    counter: row.counter,
    name: row.name,
    screen: row.screen,
    screenCounter: row.screen_counter,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    revokedAt: row.revoked_at,
    status: row.status_json === null ? null : (JSON.parse(row.status_json) as unknown),
    statusAt: row.status_at,
  };
}

const MAX_CACHED_TOKENS = 10_000;

/** Device tokens, stored hashed. Shared by the hub and the `token create` CLI. */
export class DeviceStore {
  private readonly stmt;
  private readonly lastTouched = new Map<number, number>();
  /**
   * Live tokens already seen -> their device, so a request costs no hash and no
   * SELECT (it was ~6 % of the hub's busy time under load). Only tokens the database
   * accepted are kept (an unknown token is looked up every time, so guessing fills
   * nothing), and every write that changes what a token may do (revoke, rename, a
   * renumbered counter) drops the entries it affects: the hub is the only process that
   * makes such writes (the CLI only creates tokens, which a miss finds).
   */
  private readonly byToken = new Map<string, Device>();

  constructor(db: Database.Database) {
    this.stmt = {
      insert: db.prepare('INSERT INTO devices (token_hash, role, counter, name, screen, screen_counter, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id'),
      byHash: db.prepare('SELECT id, role, counter, name FROM devices WHERE token_hash = ? AND revoked_at IS NULL'),
      touch: db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?'),
      revoke: db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      saveStatus: db.prepare('UPDATE devices SET status_json = ?, status_at = ?, last_seen_at = ? WHERE id = ?'),
      status: db.prepare('SELECT status_json, status_at FROM devices WHERE id = ?'),
      list: db.prepare(`SELECT ${RECORD_COLUMNS} FROM devices ORDER BY id DESC`),
      byId: db.prepare(`SELECT ${RECORD_COLUMNS} FROM devices WHERE id = ?`),
      rename: db.prepare('UPDATE devices SET name = ? WHERE id = ?'),
      consolesOf: db.prepare('SELECT id FROM devices WHERE counter = ? ORDER BY id'),
      doorScreensOf: db.prepare('SELECT id FROM devices WHERE screen_counter = ? ORDER BY id'),
      moveCounter: db.prepare('UPDATE devices SET counter = ? WHERE counter = ?'),
      moveScreenCounter: db.prepare('UPDATE devices SET screen_counter = ? WHERE screen_counter = ?'),
    };
  }

  /**
   * A new token. `screen` defaults to the role's only screen (kiosk, counter); a door
   * screen passes its counter as `screenCounter`.
   */
  create(
    role: Role,
    options: { counter?: number | null; name?: string | null; screen?: DeviceScreen | null; screenCounter?: number | null; now?: number } = {},
  ): { device: Device; token: string } {
    const counter = role === 'counter' ? (options.counter ?? null) : null;
    if (role === 'counter' && counter === null) throw new Error('a counter token needs --counter N');
    const screen = options.screen ?? (role === 'kiosk' || role === 'counter' ? role : null);
    const screenCounter = screen === 'door' ? (options.screenCounter ?? null) : null;
    const token = generateToken();
    const { id } = this.stmt.insert.get(hashToken(token), role, counter, options.name ?? null, screen, screenCounter, options.now ?? Date.now()) as { id: number };
    return { device: { id, role, counter, name: options.name ?? null }, token };
  }

  authenticate(token: string): Device | null {
    let device = this.byToken.get(token);
    if (!device) {
      device = this.stmt.byHash.get(hashToken(token)) as Device | undefined;
      if (!device) return null;
      // Bounded like everything the hub holds: far more live tokens than any center pairs.
      if (this.byToken.size >= MAX_CACHED_TOKENS) this.byToken.clear();
      this.byToken.set(token, device);
    }
    // A copy: callers may key per-request state on the object they get.
    return { ...device };
  }

  /** Drops the cached tokens of these devices (all of them without ids): the next request reads the row again. */
  private forget(deviceIds?: readonly number[]): void {
    if (!deviceIds) {
      this.byToken.clear();
      return;
    }
    for (const [token, device] of this.byToken) if (deviceIds.includes(device.id)) this.byToken.delete(token);
  }

  /** Records that a device was seen, at most once a minute per device to spare the disk. */
  touch(deviceId: number, now = Date.now()): void {
    if (now - (this.lastTouched.get(deviceId) ?? 0) < 60_000) return;
    // Bookkeeping only: with the database locked by another writer it waits for the next call.
    if (unlessBusy(() => this.stmt.touch.run(now, deviceId))) this.lastTouched.set(deviceId, now);
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
    const changed = this.stmt.revoke.run(now, deviceId).changes > 0;
    this.forget([deviceId]);
    return changed;
  }

  /** Every device, revoked ones included, newest first. */
  list(): DeviceRecord[] {
    return (this.stmt.list.all() as DeviceRow[]).map(toRecord);
  }

  byId(deviceId: number): DeviceRecord | null {
    const row = this.stmt.byId.get(deviceId) as DeviceRow | undefined;
    return row ? toRecord(row) : null;
  }

  rename(deviceId: number, name: string): boolean {
    const changed = this.stmt.rename.run(name, deviceId).changes > 0;
    this.forget([deviceId]);
    return changed;
  }

  /**
   * A renumbered counter keeps its devices: counter tokens (what they may act for) and
   * door screens (what they show) of `from` now belong to `to`, revoked ones too so the
   * history stays with the counter. Returns the ids moved. Run inside the transaction
   * that renumbers the counter.
   */
  moveCounter(from: number, to: number): { consoles: number[]; doorScreens: number[] } {
    const ids = (stmt: Database.Statement) => (stmt.all(from) as { id: number }[]).map((row) => row.id);
    const moved = { consoles: ids(this.stmt.consolesOf), doorScreens: ids(this.stmt.doorScreensOf) };
    this.stmt.moveCounter.run(to, from);
    this.stmt.moveScreenCounter.run(to, from);
    // Whether or not the renumbering transaction commits, the next request reads afresh.
    this.forget();
    return moved;
  }
}
