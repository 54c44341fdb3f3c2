-- Messages from the hub to the provincial portal (status pushes, booking acks),
-- kept until delivered so a portal outage or a hub restart loses none of them.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  topic           TEXT    NOT NULL,
  -- Undelivered messages with the same topic and key are coalesced into one.
  coalesce_key    TEXT,
  payload_json    TEXT    NOT NULL,
  created_at      INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  delivered_at    INTEGER,
  last_error      TEXT
);
CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL;
CREATE UNIQUE INDEX outbox_coalesce ON outbox (topic, coalesce_key) WHERE delivered_at IS NULL AND coalesce_key IS NOT NULL;
