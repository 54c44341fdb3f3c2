import type Database from 'better-sqlite3';
import type { BookingContact } from '@layso/shared';
import type { BookingContactStore, SignatureLedger } from '../portal/ports.js';

export class SqliteBookingContactStore implements BookingContactStore {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      save: db.prepare('INSERT OR REPLACE INTO booking_contacts (ticket_id, name, phone, email, created_at) VALUES (?, ?, ?, ?, ?)'),
      get: db.prepare('SELECT name, phone, email FROM booking_contacts WHERE ticket_id = ?'),
      purge: db.prepare('DELETE FROM booking_contacts WHERE created_at < ?'),
    };
  }

  save(ticketId: number, contact: BookingContact, at: number): void {
    this.stmt.save.run(ticketId, contact.name ?? null, contact.phone ?? null, contact.email ?? null, at);
  }

  get(ticketId: number): BookingContact | null {
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
