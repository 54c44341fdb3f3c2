-- The screen a paired device shows, so the admin's device list tells a door screen
-- from a hall board (both are `display` tokens), and the counter a door screen
-- belongs to (`counter` stays for counter tokens only: it is what they may act for).
-- Both move with their counter when the admin renumbers it.
ALTER TABLE devices ADD COLUMN screen TEXT CHECK (screen IN ('kiosk', 'counter', 'door', 'board'));
ALTER TABLE devices ADD COLUMN screen_counter INTEGER;

-- Kiosk and counter tokens can only be one screen.
UPDATE devices SET screen = role WHERE role IN ('kiosk', 'counter');

-- Displays paired before this release: the pairing's audit entry says which screen
-- (and door counter) the admin chose. A display token made by the CLI stays unknown.
UPDATE devices
SET screen = pairing.screen,
    screen_counter = CASE WHEN pairing.screen = 'door' THEN pairing.counter END
FROM (
  SELECT CAST(substr(target, 8) AS INTEGER) AS device_id,
         json_extract(after_json, '$.screen') AS screen,
         json_extract(after_json, '$.counter') AS counter
  FROM audit_log
  WHERE action = 'device.pair' AND target LIKE 'device:%' AND json_valid(after_json)
) AS pairing
WHERE pairing.device_id = devices.id
  AND devices.role = 'display'
  AND pairing.screen IN ('door', 'board');
