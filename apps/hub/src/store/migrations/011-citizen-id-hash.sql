-- CCCD scan at the kiosk: a booking may carry the keyed hash of the citizen's ID number
-- (HMAC-SHA256 with the hub's matching key, kept in meta as 'citizen_id_key'). The clear
-- number is never stored; the hash lives with the booking's other personal data and is
-- deleted with it by the retention purge (Decree 13/2023).
ALTER TABLE booking_contacts ADD COLUMN citizen_id_hash TEXT;
CREATE INDEX booking_contacts_by_citizen_id ON booking_contacts (citizen_id_hash) WHERE citizen_id_hash IS NOT NULL;
