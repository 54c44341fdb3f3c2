-- Online bookings from the provincial portal.

-- One booking reference is one ticket, whatever the portal retries.
CREATE UNIQUE INDEX tickets_by_booking_ref ON tickets (booking_ref) WHERE booking_ref IS NOT NULL;

-- Personal data of a booking, kept apart from the ticket so it can be purged on
-- schedule (Decree 13/2023) while the ticket's statistics stay.
CREATE TABLE booking_contacts (
  ticket_id  INTEGER PRIMARY KEY REFERENCES tickets (id),
  name       TEXT,
  phone      TEXT,
  email      TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX booking_contacts_by_age ON booking_contacts (created_at);

-- Signatures of accepted portal requests, to refuse replays within the 5-minute window.
CREATE TABLE portal_request_signatures (
  signature TEXT PRIMARY KEY,
  at        INTEGER NOT NULL
) WITHOUT ROWID;
