-- The admin console: people who sign in at /admin, their sessions, the clerks who
-- sign in at a counter, and the audit log of every admin action.

CREATE TABLE admin_users (
  id            INTEGER PRIMARY KEY,
  username      TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT,
  -- scrypt: "scrypt$N$r$p$salt(base64)$hash(base64)"
  password_hash TEXT    NOT NULL,
  created_at    INTEGER NOT NULL,
  disabled_at   INTEGER,
  -- Consecutive failed sign-ins and the lockout they caused.
  failed_count  INTEGER NOT NULL DEFAULT 0,
  locked_until  INTEGER,
  -- The one-time password printed at first start must be changed before anything else.
  must_change_password INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE admin_sessions (
  token_hash   TEXT    PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES admin_users (id),
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX admin_sessions_by_user ON admin_sessions (user_id);

-- Clerks sign in at a counter console with their code and PIN; reports group by them.
CREATE TABLE clerks (
  id          INTEGER PRIMARY KEY,
  code        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  name        TEXT    NOT NULL,
  pin_hash    TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  disabled_at INTEGER,
  -- Consecutive wrong PINs and the lockout they caused.
  failed_count INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER
);

-- Which clerk is signed in at which counter; kept across hub restarts. A clerk is
-- signed in at one counter at a time (signing in elsewhere moves them).
CREATE TABLE counter_clerks (
  counter      INTEGER PRIMARY KEY,
  clerk_id     INTEGER NOT NULL UNIQUE REFERENCES clerks (id),
  signed_in_at INTEGER NOT NULL
);

-- Who did what, when, with the state before and after (JSON), for every admin action.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  actor       TEXT    NOT NULL,
  action      TEXT    NOT NULL,
  target      TEXT,
  before_json TEXT,
  after_json  TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (at);
