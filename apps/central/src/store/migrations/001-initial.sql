-- layso central schema v1 (docs/central.md). Works unchanged on PostgreSQL 15+ and PGlite.

-- Registered hubs: only these may stream, each with its own HMAC secret.
CREATE TABLE hubs (
  id          text        PRIMARY KEY,
  name        text        NOT NULL,
  province    text        NOT NULL,
  secret      text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);

-- Per-hub progress. high_water: the highest seq held with nothing missing below it;
-- the ingest transaction locks this row, so it is also what makes (hub, seq) unique.
CREATE TABLE hub_progress (
  hub_id        text        PRIMARY KEY REFERENCES hubs (id),
  high_water    bigint      NOT NULL DEFAULT 0,
  event_count   bigint      NOT NULL DEFAULT 0,
  last_seen_at  timestamptz,
  last_event_at timestamptz
);

-- Every event a hub committed, partitioned by the center's service day: a day is one
-- partition, so a year of history is 365 small tables and dropping old days is cheap.
-- A partitioned table's primary key must contain the partition key, hence (hub_id,
-- day, seq); a hub never sends one seq with two days, and the high-water rule above
-- refuses a second copy of a seq whatever its day.
CREATE TABLE events (
  hub_id      text        NOT NULL,
  seq         bigint      NOT NULL,
  kind        text        NOT NULL,
  day         date        NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  payload     jsonb       NOT NULL,
  PRIMARY KEY (hub_id, day, seq)
) PARTITION BY RANGE (day);
