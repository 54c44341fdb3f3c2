-- Report rollups (docs/reports.md). A finished service day is aggregated once, by the
-- same code that computes today live from the tickets, so a year report sums a few
-- hundred thousand small rows instead of five million tickets. Rollups are derived
-- data: deleting them is always safe (they are rebuilt on the next report).

-- Days whose rollup rows are complete (a day with no tickets has a row here and none below).
CREATE TABLE report_days (
  day      TEXT    PRIMARY KEY,
  built_at INTEGER NOT NULL,
  tickets  INTEGER NOT NULL
) WITHOUT ROWID;

-- Counts and sums per day × service × counter × clerk. counter 0 / clerk '' = none
-- (never called, or no clerk signed in). Issue-side figures (issued, sources, priority,
-- transferred, called, wait) are keyed by the service the ticket was issued for; outcome
-- figures (served, no-show, expired, cancelled, recalls, service time) by the service it
-- ended in. Ratings are keyed by the rating's own service, counter and clerk.
CREATE TABLE report_facts (
  day         TEXT    NOT NULL,
  service_id  TEXT    NOT NULL,
  counter     INTEGER NOT NULL,
  clerk       TEXT    NOT NULL,
  issued      INTEGER NOT NULL,
  walk_in     INTEGER NOT NULL,
  online      INTEGER NOT NULL,
  priority    INTEGER NOT NULL,
  served      INTEGER NOT NULL,
  no_show     INTEGER NOT NULL,
  expired     INTEGER NOT NULL,
  cancelled   INTEGER NOT NULL,
  transferred INTEGER NOT NULL,
  recalls     INTEGER NOT NULL,
  called      INTEGER NOT NULL,
  wait_ms     INTEGER NOT NULL,
  service_ms  INTEGER NOT NULL,
  ratings     INTEGER NOT NULL,
  satisfied   INTEGER NOT NULL,
  PRIMARY KEY (day, service_id, counter, clerk)
) WITHOUT ROWID;

-- Waits of called tickets as a histogram per day and per grouping: dim 'service'
-- (key = service issued for), 'counter' (key = counter number, '' none), 'clerk'
-- (key = clerk code, '' none). `counts` holds little-endian uint32 counts for minutes
-- 0, 1, 2, … (waits rounded UP: 3 min 00 s is minute 3, 3 min 01 s is minute 4). One
-- row per key and day keeps a year small enough to sum in JS; the 90th percentile
-- and the service level for any target come from these counts.
CREATE TABLE report_waits (
  dim    TEXT NOT NULL,
  day    TEXT NOT NULL,
  key    TEXT NOT NULL,
  counts BLOB NOT NULL,
  PRIMARY KEY (dim, day, key)
) WITHOUT ROWID;

-- Arrivals and waits per day × service × local hour of arrival, for the charts.
CREATE TABLE report_hourly (
  day        TEXT    NOT NULL,
  service_id TEXT    NOT NULL,
  hour       INTEGER NOT NULL,
  arrivals   INTEGER NOT NULL,
  called     INTEGER NOT NULL,
  wait_ms    INTEGER NOT NULL,
  PRIMARY KEY (day, service_id, hour)
) WITHOUT ROWID;
