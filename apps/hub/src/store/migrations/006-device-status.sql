-- What a device last reported about itself (a kiosk's printer), for the admin's
-- device list and for troubleshooting.
ALTER TABLE devices ADD COLUMN status_json TEXT;
ALTER TABLE devices ADD COLUMN status_at INTEGER;
