-- The service level now holds each citizen to the target of the service they came for
-- (services.targetWaitMin), so a counter's and a clerk's waits are also kept split by
-- service (report_waits dims 'counter-service' and 'clerk-service'). Rollups built
-- before lack those rows: forgetting which days are built makes the next report rebuild
-- them from the tickets (rollups are derived data, migration 008).
DELETE FROM report_days;
