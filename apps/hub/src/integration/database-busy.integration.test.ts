import { join } from 'node:path';
import Database from 'better-sqlite3';
import { issuedTicketSchema } from '@layso/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTickets } from '../testing/db-snapshot.js';
import { expectError } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { DATABASE_FILE } from '../store/open-database.js';
import { HUB_BUSY_TIMEOUT_MS } from '../store/database-busy.js';
import { TestSocket } from '../testing/socket-client.js';

/**
 * Another process holding the database's write lock longer than the hub waits for it
 * (busy_timeout, HUB_BUSY_TIMEOUT_MS): the hub must answer with a clear, retryable
 * error and write nothing, never a 500 and never a crash; the retry with the same
 * requestId then gets its ticket.
 */
describe('a database locked by another writer', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ config: smallCenter() });
  });
  afterAll(() => t.stop());

  it('gets 503 BUSY with Retry-After and nothing written; the same request succeeds once the lock is gone', { timeout: 30_000 }, async () => {
    expect(t.db.pragma('busy_timeout', { simple: true })).toBe(HUB_BUSY_TIMEOUT_MS);
    const before = readTickets(t.dataDir).length;
    // The kiosk's token is written before the lock (the harness creates tokens on first use).
    void t.tokens;
    const other = new Database(join(t.dataDir, DATABASE_FILE));
    try {
      other.exec('BEGIN IMMEDIATE');
      const requestId = 'busy-retry-1';
      const busy = await t.issue('tu-phap', { requestId });
      expectError(busy, 503, 'BUSY');
      expect(busy.headers['retry-after']).toBe('1');
      expect(readTickets(t.dataDir)).toHaveLength(before);
      other.exec('ROLLBACK');

      const retried = await t.issue('tu-phap', { requestId });
      expect(retried.status, retried.text).toBe(201);
      const ticket = issuedTicketSchema.parse(retried.body);
      expect(readTickets(t.dataDir)).toHaveLength(before + 1);
      // The hub kept serving, and the failed attempt used no number.
      const again = await t.issue('tu-phap', { requestId });
      expect(issuedTicketSchema.parse(again.body).number).toBe(ticket.number);
      expect(t.logs.join('\n')).toMatch(/database busy past the wait limit/);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
  });

  it('still admits a screen whose handshake would record its last-seen time: the bookkeeping waits, the hub stays up', { timeout: 30_000 }, async () => {
    // A token never used before: its handshake wants to write the device's last-seen time.
    const { token } = t.createToken('display');
    const other = new Database(join(t.dataDir, DATABASE_FILE));
    try {
      other.exec('BEGIN IMMEDIATE');
      const screen = await TestSocket.connect(t.url, token);
      expect(screen.initialState.catalog.counters.length).toBeGreaterThan(0);
      screen.close();
      other.exec('ROLLBACK');
      // The hub is still serving (it used to exit here with an uncaught SQLITE_BUSY).
      expect((await t.request('GET', '/api/health')).status).toBe(200);
      expect((await t.issue('tu-phap', { requestId: 'after-busy-handshake' })).status).toBe(201);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
  });
});
