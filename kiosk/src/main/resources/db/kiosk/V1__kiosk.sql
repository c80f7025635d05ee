-- The kiosk's local state. Households and the criteria set are kept as the hub sent them (JSON),
-- because the kiosk only shows them; only what it searches by gets its own column.

-- Events waiting for the hub's acknowledgement, in the order they happened (seq).
CREATE TABLE outbox (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  id      TEXT NOT NULL UNIQUE,
  type    TEXT NOT NULL,
  at      TEXT NOT NULL,
  payload TEXT NOT NULL
);

-- Events the hub refused as invalid (HTTP 400): kept for staff, never retried, never blocking the rest.
CREATE TABLE dead_letter (
  id        TEXT PRIMARY KEY,
  type      TEXT NOT NULL,
  at        TEXT NOT NULL,
  payload   TEXT NOT NULL,
  reason    TEXT NOT NULL,
  failed_at TEXT NOT NULL
);

CREATE TABLE setting (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE household (
  code TEXT PRIMARY KEY,
  json TEXT NOT NULL
);

CREATE TABLE member (
  id_hash        TEXT PRIMARY KEY,
  household_code TEXT NOT NULL,
  display_name   TEXT
);
CREATE INDEX member_household ON member(household_code);

CREATE TABLE session (
  id        TEXT PRIMARY KEY,
  starts_at TEXT NOT NULL,
  ends_at   TEXT NOT NULL,
  place     TEXT,
  topic     TEXT,
  trainer   TEXT,
  status    TEXT NOT NULL
);

-- One row per person per session: a second scan finds the row instead of counting twice.
CREATE TABLE attendance (
  session_id     TEXT NOT NULL,
  person         TEXT NOT NULL,
  household_code TEXT,
  at             TEXT NOT NULL,
  PRIMARY KEY (session_id, person)
);

-- What residents said they can do, shown as DECLARED until the hub's status says otherwise.
CREATE TABLE declaration (
  household_code TEXT NOT NULL,
  criterion_id   TEXT NOT NULL,
  at             TEXT NOT NULL,
  PRIMARY KEY (household_code, criterion_id)
);
