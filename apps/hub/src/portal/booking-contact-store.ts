import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { BookingContactStore, SignatureLedger, StoredBookingContact } from './ports.js';

const CITIZEN_ID_KEY = 'citizen_id_key';

export class SqliteBookingContactStore implements BookingContactStore {
  private readonly stmt;
  private key: string | null = null;

  constructor(db: Database.Database) {
    this.stmt = {
      save: db.prepare(
        'INSERT OR REPLACE INTO booking_contacts (ticket_id, name, phone, email, citizen_id_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      get: db.prepare('SELECT name, phone, email FROM booking_contacts WHERE ticket_id = ?'),
      byCitizenId: db.prepare('SELECT ticket_id AS id FROM booking_contacts WHERE citizen_id_hash = ? ORDER BY ticket_id LIMIT 20'),
      purge: db.prepare('DELETE FROM booking_contacts WHERE created_at < ?'),
      getKey: db.prepare('SELECT value FROM meta WHERE key = ?'),
      // OR IGNORE: two hub processes never run on one file, but a lost race must not replace a key in use.
      putKey: db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)'),
    };
  }

  save(ticketId: number, contact: StoredBookingContact, at: number, citizenIdHash: string | null = null): void {
    this.stmt.save.run(ticketId, contact.name ?? null, contact.phone ?? null, contact.email ?? null, citizenIdHash, at);
  }

  ticketIdsByCitizenIdHash(hash: string): number[] {
    return (this.stmt.byCitizenId.all(hash) as { id: number }[]).map((row) => row.id);
  }

  citizenIdKey(): string {
    if (this.key) return this.key;
    const stored = this.stmt.getKey.get(CITIZEN_ID_KEY) as { value: string } | undefined;
    if (!stored) this.stmt.putKey.run(CITIZEN_ID_KEY, randomBytes(32).toString('hex'));
    this.key = (this.stmt.getKey.get(CITIZEN_ID_KEY) as { value: string }).value;
    return this.key;
  }

  get(ticketId: number): StoredBookingContact | null {
    const row = this.stmt.get.get(ticketId) as { name: string | null; phone: string | null; email: string | null } | undefined;
    if (!row) return null;
    return {
      ...(row.name ? { name: row.name } : {}),
      ...(row.phone ? { phone: row.phone } : {}),
      ...(row.email ? { email: row.email } : {}),
    };
  }

  purgeCreatedBefore(cutoff: number): number {
    return this.stmt.purge.run(cutoff).changes;
  }
}

export class SqliteSignatureLedger implements SignatureLedger {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      remember: db.prepare('INSERT OR IGNORE INTO portal_request_signatures (signature, at) VALUES (?, ?)'),
      forget: db.prepare('DELETE FROM portal_request_signatures WHERE at < ?'),
    };
  }

  remember(signature: string, at: number): boolean {
    return this.stmt.remember.run(signature, at).changes === 1;
  }

  forgetBefore(cutoff: number): void {
    this.stmt.forget.run(cutoff);
  }
}
