-- The center's own voice: clips the administrator recorded in the console (Giọng đọc),
-- stored as normalised 16-bit PCM mono WAV. A clip not listed here is played from the
-- shipped set. voice_set.version moves on every recording or removal, so screens that
-- poll the manifest fetch only when something changed; each clip keeps the set version
-- it was saved at as its own version (its URL carries it, so no cache serves an old take).
CREATE TABLE voice_clips (
  clip_id TEXT PRIMARY KEY,
  wav BLOB NOT NULL,
  duration_ms INTEGER NOT NULL,
  version INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT
);
CREATE TABLE voice_set (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO voice_set (id, version) VALUES (1, 0);
