import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../apps/hub/src/store/open-database.js';
import { explain, hubStatements } from './query-plans.js';

const dir = mkdtempSync(join(tmpdir(), 'layso-plans-'));
const db = openDatabase(join(dir, 'hub.db'));
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the growth benchmark\'s query-plan check', () => {
  it('finds no statement of the hub\'s queue store that scans the tickets table on a migrated database', () => {
    const statements = hubStatements(db);
    expect(statements.size).toBeGreaterThan(20);
    const scanning = [...statements].filter(([name, s]) => explain(db, name, s.source).scansTickets).map(([name]) => name);
    expect(scanning).toEqual([]);
  });

  it('counts a scan of the table or of a full index, not of a partial index (bounded by the rows it admits)', () => {
    expect(explain(db, 'whole table', 'SELECT * FROM tickets WHERE recalls = 3').scansTickets).toBe(true);
    // (day, number) is the table's UNIQUE constraint: a full index.
    expect(explain(db, 'full index', 'SELECT COUNT(*) FROM tickets INDEXED BY sqlite_autoindex_tickets_1').scansTickets).toBe(true);
    const openOnly = explain(db, 'open tickets', "SELECT service_id, status FROM tickets WHERE status IN ('booked', 'waiting')");
    expect(openOnly.plan.join(' ')).toMatch(/SCAN tickets USING COVERING INDEX tickets_open_queue/);
    expect(openOnly.scansTickets).toBe(false);
  });
});
