-- Upstream outbox to central (docs/central.md). Filled by triggers, so an event is
-- queued in the same transaction that commits the change, by whatever code path
-- makes it, and never for a change that rolls back. AUTOINCREMENT: seq is never
-- reused after delivered rows are pruned, and a rolled-back insert leaves no gap
-- (sqlite_sequence rolls back with it), so central sees 1, 2, 3… per hub.
-- Only while `central.upstream` = 'on' in meta (the hub sets it at start when a
-- central is configured): a hub without central queues nothing.
-- What leaves: ids, ticket numbers, service ids, counters, statuses, scores. Never a
-- phone number, a name, a booking contact, a clerk or a rating's reason.

CREATE TABLE central_outbox (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  kind         TEXT    NOT NULL,
  -- The service day; NULL for counter status (the sender derives it in the center's time zone).
  day          TEXT,
  occurred_at  INTEGER NOT NULL,
  payload_json TEXT    NOT NULL
);

CREATE TRIGGER central_outbox_ticket_event AFTER INSERT ON ticket_events
WHEN (SELECT value FROM meta WHERE key = 'central.upstream') = 'on'
BEGIN
  INSERT INTO central_outbox (kind, day, occurred_at, payload_json)
  SELECT 'ticket.' || NEW.kind, t.day, NEW.at,
         json_object('ticketId', t.id, 'number', t.number, 'serviceId', NEW.service_id, 'counter', NEW.counter,
                     'source', t.source, 'priority', t.priority IS NOT NULL, 'issuedAt', t.issued_at)
  FROM tickets t WHERE t.id = NEW.ticket_id;
END;

CREATE TRIGGER central_outbox_rating AFTER INSERT ON ratings
WHEN (SELECT value FROM meta WHERE key = 'central.upstream') = 'on'
BEGIN
  INSERT INTO central_outbox (kind, day, occurred_at, payload_json)
  VALUES ('rating', NEW.day, NEW.at, json_object('ticketId', NEW.ticket_id, 'serviceId', NEW.service_id, 'counter', NEW.counter, 'score', NEW.score));
END;

CREATE TRIGGER central_outbox_counter_added AFTER INSERT ON counter_state
WHEN (SELECT value FROM meta WHERE key = 'central.upstream') = 'on'
BEGIN
  INSERT INTO central_outbox (kind, day, occurred_at, payload_json)
  VALUES ('counter.status', NULL, NEW.updated_at, json_object('counter', NEW.number, 'status', NEW.status));
END;

CREATE TRIGGER central_outbox_counter_status AFTER UPDATE OF status ON counter_state
WHEN OLD.status IS NOT NEW.status AND (SELECT value FROM meta WHERE key = 'central.upstream') = 'on'
BEGIN
  INSERT INTO central_outbox (kind, day, occurred_at, payload_json)
  VALUES ('counter.status', NULL, NEW.updated_at, json_object('counter', NEW.number, 'status', NEW.status));
END;
