import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeAfterTest, makeTempDir } from '../testing/temp-store.js';
import { loadMigrations, migrate } from './migrate.js';
import { DATABASE_FILE } from './open-database.js';

/** Migration 009 on a database paired under 008: the screen comes from each pairing's audit entry. */
describe('migration 009: the screen of devices paired before it', () => {
  it('fills in kiosks and consoles from their role, displays from their pairing, and leaves the rest unknown', () => {
    const db = closeAfterTest(new Database(join(makeTempDir(), DATABASE_FILE)));
    const all = loadMigrations();
    migrate(db, all.filter((m) => m.version <= 8));
    const device = db.prepare('INSERT INTO devices (token_hash, role, counter, created_at) VALUES (?, ?, ?, 0) RETURNING id');
    const id = (hash: string, role: string, counter: number | null = null) => (device.get(hash, role, counter) as { id: number }).id;
    const kiosk = id('a', 'kiosk');
    const consoleId = id('b', 'counter', 86);
    const door = id('c', 'display');
    const board = id('d', 'display');
    const cliDisplay = id('e', 'display');
    const admin = id('f', 'admin');
    const pairing = db.prepare("INSERT INTO audit_log (at, actor, action, target, after_json) VALUES (0, 'admin', 'device.pair', ?, ?)");
    pairing.run(`device:${door}`, JSON.stringify({ role: 'display', counter: 86, screen: 'door' }));
    pairing.run(`device:${board}`, JSON.stringify({ role: 'display', counter: null, screen: 'board' }));
    // Not a pairing: renaming says nothing about the screen.
    db.prepare("INSERT INTO audit_log (at, actor, action, target, after_json) VALUES (0, 'admin', 'device.rename', ?, ?)").run(`device:${cliDisplay}`, JSON.stringify({ screen: 'door' }));

    // Up to 009 only: later migrations are not this test's business.
    expect(migrate(db, all.filter((m) => m.version <= 9))).toEqual([9]);

    const rows = db.prepare('SELECT id, screen, screen_counter AS screenCounter FROM devices ORDER BY id').all();
    expect(rows).toEqual([
      { id: kiosk, screen: 'kiosk', screenCounter: null },
      { id: consoleId, screen: 'counter', screenCounter: null },
      { id: door, screen: 'door', screenCounter: 86 },
      { id: board, screen: 'board', screenCounter: null },
      { id: cliDisplay, screen: null, screenCounter: null },
      { id: admin, screen: null, screenCounter: null },
    ]);
  });
});
