import type Database from 'better-sqlite3';
import type { Channel, NotificationKind, NotificationView } from '@layso/shared';
import type { NewNotification, StoredNotification } from './ports.js';

interface Row {
  id: number;
  ticket_id: number;
  kind: NotificationKind;
  channel: Channel;
  dedupe_key: string;
  recipient: string | null;
  payload_json: string;
  status: NotificationView['status'];
  attempts: number;
  next_attempt_at: number;
  created_at: number;
  sent_at: number | null;
  last_error: string | null;
}

/** The notification outbox, the ticket-page subscriptions and rotating channel tokens. */
export class SqliteNotificationStore {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      subscribe: db.prepare('INSERT OR REPLACE INTO ticket_subscriptions (ticket_id, phone, created_at) VALUES (?, ?, ?)'),
      subscription: db.prepare('SELECT phone FROM ticket_subscriptions WHERE ticket_id = ?'),
      // Runs on every queue change: only the last day's subscriptions (by index) can
      // still be open, however many the retention period keeps.
      subscribedOpen: db.prepare(
        // CROSS JOIN keeps subscriptions (a few opted-in citizens a day) as the outer loop;
        // otherwise SQLite may walk every open ticket of the service to find them, on every
        // queue event.
        `SELECT t.id FROM ticket_subscriptions s CROSS JOIN tickets t ON t.id = s.ticket_id
         WHERE s.created_at >= ? AND t.service_id = ? AND t.status IN ('booked', 'waiting')`,
      ),
      enqueue: db.prepare(
        `INSERT OR IGNORE INTO notifications (ticket_id, kind, channel, dedupe_key, recipient, payload_json, next_attempt_at, created_at)
         VALUES (@ticketId, @kind, @channel, @dedupeKey, @recipient, @payload, @at, @at)`,
      ),
      nextDue: db.prepare(`SELECT * FROM notifications WHERE status = 'pending' AND channel = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1`),
      nextAttempt: db.prepare(`SELECT MIN(next_attempt_at) AS at FROM notifications WHERE status = 'pending' AND channel = ?`),
      sent: db.prepare(`UPDATE notifications SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ? AND status = 'pending'`),
      retry: db.prepare(`UPDATE notifications SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'pending'`),
      fail: db.prepare(`UPDATE notifications SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ? AND status = 'pending'`),
      cancel: db.prepare(`UPDATE notifications SET status = 'cancelled', last_error = ? WHERE id = ? AND status = 'pending'`),
      // Reminders of a finished ticket must never go out (booking and expiry notices may).
      // Correlated on the (few) pending rows: never a scan of the tickets table.
      cancelFinished: db.prepare(
        `UPDATE notifications SET status = 'cancelled', last_error = 'ticket ' || (SELECT status FROM tickets WHERE id = notifications.ticket_id)
         WHERE status = 'pending' AND kind IN ('near', 'called')
           AND (SELECT status FROM tickets WHERE id = notifications.ticket_id) IN ('done', 'skipped', 'expired', 'cancelled')`,
      ),
      anyPending: db.prepare(`SELECT 1 FROM notifications WHERE status = 'pending' LIMIT 1`),
      byTicket: db.prepare('SELECT * FROM notifications WHERE ticket_id = ? ORDER BY id'),
      recent: db.prepare('SELECT * FROM notifications ORDER BY id DESC LIMIT ?'),
      purgeSubscriptions: db.prepare('DELETE FROM ticket_subscriptions WHERE created_at < ?'),
      purgeRecipients: db.prepare(`UPDATE notifications SET recipient = NULL, payload_json = '{}' WHERE created_at < ? AND recipient IS NOT NULL AND status != 'pending'`),
      purgePending: db.prepare(`UPDATE notifications SET status = 'cancelled', recipient = NULL, payload_json = '{}', last_error = 'personal data retention' WHERE created_at < ? AND status = 'pending'`),
      getToken: db.prepare('SELECT value_json FROM notify_tokens WHERE channel = ?'),
      setToken: db.prepare('INSERT OR REPLACE INTO notify_tokens (channel, value_json, updated_at) VALUES (?, ?, ?)'),
    };
  }

  subscribe(ticketId: number, phone: string, at: number): void {
    this.stmt.subscribe.run(ticketId, phone, at);
  }

  subscription(ticketId: number): string | null {
    return (this.stmt.subscription.get(ticketId) as { phone: string } | undefined)?.phone ?? null;
  }

  /** Open tickets of a service that someone asked to be reminded of since `since`. */
  subscribedOpenTickets(serviceId: string, since: number): number[] {
    return (this.stmt.subscribedOpen.all(since, serviceId) as { id: number }[]).map((r) => r.id);
  }

  /** Queues a message; false when one with the same dedupe key exists (sent or not). */
  enqueue(message: NewNotification, at: number): boolean {
    const { ticketId, kind, channel, dedupeKey, recipient, text, templateData } = message;
    return this.stmt.enqueue.run({ ticketId, kind, channel, dedupeKey, recipient, payload: JSON.stringify({ text, templateData }), at }).changes === 1;
  }

  nextDue(channel: Channel, now: number): StoredNotification | null {
    const row = this.stmt.nextDue.get(channel, now) as Row | undefined;
    if (!row) return null;
    const payload = JSON.parse(row.payload_json) as { text: string; templateData: Record<string, string> };
    return {
      id: row.id,
      ticketId: row.ticket_id,
      kind: row.kind,
      channel: row.channel,
      dedupeKey: row.dedupe_key,
      recipient: row.recipient ?? '',
      text: payload.text,
      templateData: payload.templateData,
      attempts: row.attempts,
      nextAttemptAt: row.next_attempt_at,
    };
  }

  /** When the channel's next pending message is due; null when none is pending. */
  nextAttemptAt(channel: Channel): number | null {
    return (this.stmt.nextAttempt.get(channel) as { at: number | null }).at;
  }

  markSent(id: number, at: number): void {
    this.stmt.sent.run(at, id);
  }

  markRetry(id: number, error: string, nextAttemptAt: number): void {
    this.stmt.retry.run(error.slice(0, 500), nextAttemptAt, id);
  }

  markFailed(id: number, error: string): void {
    this.stmt.fail.run(error.slice(0, 500), id);
  }

  cancel(id: number, reason: string): void {
    this.stmt.cancel.run(reason, id);
  }

  cancelForFinishedTickets(): number {
    // Most publishes happen with nothing pending: skip the write statement then.
    if (this.stmt.anyPending.get() === undefined) return 0;
    return this.stmt.cancelFinished.run().changes;
  }

  list(ticketId: number | null, limit = 200): NotificationRow[] {
    const rows = (ticketId === null ? this.stmt.recent.all(limit) : this.stmt.byTicket.all(ticketId)) as Row[];
    return rows.map((r) => ({
      id: r.id,
      ticketId: r.ticket_id,
      kind: r.kind,
      channel: r.channel,
      recipient: r.recipient,
      status: r.status,
      attempts: r.attempts,
      createdAt: r.created_at,
      sentAt: r.sent_at,
      lastError: r.last_error,
    }));
  }

  /** Retention (Decree 13/2023): subscriptions go, messages keep their status but lose the recipient. */
  purgeCreatedBefore(cutoff: number): number {
    return this.db.transaction(() => this.stmt.purgeSubscriptions.run(cutoff).changes + this.stmt.purgePending.run(cutoff).changes + this.stmt.purgeRecipients.run(cutoff).changes)();
  }

  getToken<T>(channel: Channel): T | null {
    const row = this.stmt.getToken.get(channel) as { value_json: string } | undefined;
    return row ? (JSON.parse(row.value_json) as T) : null;
  }

  setToken(channel: Channel, value: unknown, at: number): void {
    this.stmt.setToken.run(channel, JSON.stringify(value), at);
  }
}

export interface NotificationRow {
  id: number;
  ticketId: number;
  kind: NotificationKind;
  channel: Channel;
  recipient: string | null;
  status: NotificationView['status'];
  attempts: number;
  createdAt: number;
  sentAt: number | null;
  lastError: string | null;
}
