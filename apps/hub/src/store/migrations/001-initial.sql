-- layso hub schema v1. Times are epoch milliseconds (UTC); `day` is the center's
-- local service day yyyy-MM-dd.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- The validated center configuration (areas, services, counters, hours, policy).
CREATE TABLE center_config (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  config_json TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE devices (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT    NOT NULL UNIQUE,
  role         TEXT    NOT NULL CHECK (role IN ('kiosk', 'counter', 'display', 'portal', 'admin')),
  counter      INTEGER,
  name         TEXT,
  created_at   INTEGER NOT NULL,
  revoked_at   INTEGER,
  last_seen_at INTEGER,
  CHECK ((role = 'counter') = (counter IS NOT NULL))
);

-- Last sequence handed out per prefix per day: the only source of ticket numbers.
CREATE TABLE sequences (
  day      TEXT    NOT NULL,
  prefix   TEXT    NOT NULL,
  last_seq INTEGER NOT NULL CHECK (last_seq BETWEEN 0 AND 999),
  PRIMARY KEY (day, prefix)
) WITHOUT ROWID;

CREATE TABLE tickets (
  id                  INTEGER PRIMARY KEY,
  day                 TEXT    NOT NULL,
  number              TEXT    NOT NULL,
  prefix              TEXT    NOT NULL,
  seq                 INTEGER NOT NULL,
  service_id          TEXT    NOT NULL,
  original_service_id TEXT    NOT NULL,
  status              TEXT    NOT NULL CHECK (status IN ('booked', 'waiting', 'called', 'done', 'skipped', 'expired', 'cancelled', 'transferred')),
  priority            TEXT,
  source              TEXT    NOT NULL CHECK (source IN ('kiosk', 'portal', 'admin')),
  -- Order within the queue: new tickets take increasing keys; a transfer puts a
  -- ticket in front of the target queue's head.
  queue_key           INTEGER NOT NULL,
  device_id           INTEGER,
  request_id          TEXT,
  issued_at           INTEGER NOT NULL,
  called_at           INTEGER,
  first_called_at     INTEGER,
  finished_at         INTEGER,
  counter             INTEGER,
  clerk               TEXT,
  recalls             INTEGER NOT NULL DEFAULT 0,
  deadline            INTEGER,
  booking_ref         TEXT,
  transferred_from    TEXT,
  UNIQUE (day, number)
);
CREATE UNIQUE INDEX tickets_by_request ON tickets (device_id, request_id) WHERE request_id IS NOT NULL;
-- Only open tickets: the queue heads, counts and "ahead" stay index-only however
-- much history the table holds.
CREATE INDEX tickets_open_queue ON tickets (service_id, queue_key, id) WHERE status IN ('booked', 'waiting');
CREATE INDEX tickets_unfinished ON tickets (day) WHERE status IN ('booked', 'waiting', 'called');
CREATE INDEX tickets_booked_deadline ON tickets (deadline) WHERE status = 'booked';
CREATE INDEX tickets_done_by_service ON tickets (service_id, day, finished_at) WHERE status = 'done';
CREATE INDEX tickets_done_by_counter ON tickets (counter, day) WHERE status = 'done';
CREATE INDEX tickets_called_by_day ON tickets (day, called_at) WHERE called_at IS NOT NULL;

-- Every state change of a ticket, for reports and audits.
CREATE TABLE ticket_events (
  id         INTEGER PRIMARY KEY,
  ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
  at         INTEGER NOT NULL,
  kind       TEXT    NOT NULL,
  service_id TEXT    NOT NULL,
  counter    INTEGER,
  clerk      TEXT
);
CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id);

CREATE TABLE counter_state (
  number            INTEGER PRIMARY KEY,
  status            TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paused')),
  current_ticket_id INTEGER REFERENCES tickets (id),
  -- Normal tickets served since the last priority one (interleaved policy).
  normal_streak     INTEGER NOT NULL DEFAULT 0,
  updated_at        INTEGER NOT NULL
);

-- "Giao dịch hiện tại" per service: the number it called last today.
CREATE TABLE service_current (
  service_id TEXT PRIMARY KEY,
  day        TEXT NOT NULL,
  number     TEXT NOT NULL
) WITHOUT ROWID;

-- Results of counter commands by request id, so a retried "next" never calls twice.
CREATE TABLE command_results (
  device_id   INTEGER NOT NULL,
  request_id  TEXT    NOT NULL,
  result_json TEXT    NOT NULL,
  at          INTEGER NOT NULL,
  PRIMARY KEY (device_id, request_id)
) WITHOUT ROWID;
