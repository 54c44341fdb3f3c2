-- Citizen notifications (docs/notifications.md) and satisfaction ratings.

-- "Báo cho tôi khi sắp đến lượt": a phone number left on the ticket page. Personal
-- data: deleted after online.personalDataDays like booking contacts.
CREATE TABLE ticket_subscriptions (
  ticket_id  INTEGER PRIMARY KEY REFERENCES tickets (id),
  phone      TEXT    NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX ticket_subscriptions_by_age ON ticket_subscriptions (created_at);

-- One row per message. dedupe_key = "ticketId:kind:channel" is UNIQUE, so an event
-- seen twice (a recall, a replayed booking, a restart) never makes a second message;
-- it is also the idempotency key sent to the channel (tracking id, Message-ID).
CREATE TABLE notifications (
  id              INTEGER PRIMARY KEY,
  ticket_id       INTEGER NOT NULL REFERENCES tickets (id),
  kind            TEXT    NOT NULL,
  channel         TEXT    NOT NULL,
  dedupe_key      TEXT    NOT NULL UNIQUE,
  -- Personal data: set to NULL by the retention purge (the row stays for statistics).
  recipient       TEXT,
  payload_json    TEXT    NOT NULL,
  status          TEXT    NOT NULL DEFAULT 'pending',
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  last_error      TEXT
);
CREATE INDEX notifications_due ON notifications (channel, next_attempt_at) WHERE status = 'pending';
CREATE INDEX notifications_by_ticket ON notifications (ticket_id);

-- Channel credentials that rotate (Zalo's refresh token is single-use).
CREATE TABLE notify_tokens (
  channel    TEXT PRIMARY KEY,
  value_json TEXT    NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

-- "Ông/bà có hài lòng với sự phục vụ?": one rating per ticket.
CREATE TABLE ratings (
  ticket_id  INTEGER PRIMARY KEY REFERENCES tickets (id),
  day        TEXT    NOT NULL,
  counter    INTEGER,
  service_id TEXT    NOT NULL,
  clerk      TEXT,
  score      TEXT    NOT NULL,
  reason     TEXT,
  at         INTEGER NOT NULL
);
CREATE INDEX ratings_by_day ON ratings (day, counter);
