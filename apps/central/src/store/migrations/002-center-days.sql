-- Daily and monthly rollups per center and service (docs/central.md § Rollups), filled
-- at ingest in the transaction that stores the events, from the rows that transaction
-- freshly inserted only: a re-sent batch adds nothing. The ranking reads these, never
-- the events. Wait sums in milliseconds; "within target" is a call at or under the
-- central's wait target (15 minutes, rollup/rollup-sql.ts).

CREATE TABLE center_days (
  hub_id        text    NOT NULL REFERENCES hubs (id),
  day           date    NOT NULL,
  service_id    text    NOT NULL,
  issued        integer NOT NULL DEFAULT 0,
  online        integer NOT NULL DEFAULT 0,
  called        integer NOT NULL DEFAULT 0,
  served        integer NOT NULL DEFAULT 0,
  no_show       integer NOT NULL DEFAULT 0,
  wait_ms_sum   bigint  NOT NULL DEFAULT 0,
  within_target integer NOT NULL DEFAULT 0,
  ratings       integer NOT NULL DEFAULT 0,
  satisfied     integer NOT NULL DEFAULT 0,
  PRIMARY KEY (hub_id, day, service_id)
);

-- The same figures per calendar month (`month` is its first day): a year's ranking
-- reads 12 rows per center and service instead of 365.
CREATE TABLE center_months (
  hub_id        text    NOT NULL REFERENCES hubs (id),
  month         date    NOT NULL,
  service_id    text    NOT NULL,
  issued        integer NOT NULL DEFAULT 0,
  online        integer NOT NULL DEFAULT 0,
  called        integer NOT NULL DEFAULT 0,
  served        integer NOT NULL DEFAULT 0,
  no_show       integer NOT NULL DEFAULT 0,
  wait_ms_sum   bigint  NOT NULL DEFAULT 0,
  within_target integer NOT NULL DEFAULT 0,
  ratings       integer NOT NULL DEFAULT 0,
  satisfied     integer NOT NULL DEFAULT 0,
  PRIMARY KEY (hub_id, month, service_id),
  CHECK (month = date_trunc('month', month)::date)
);

-- A province's dashboard and ranking start from its hubs.
CREATE INDEX hubs_by_province ON hubs (province, id);
