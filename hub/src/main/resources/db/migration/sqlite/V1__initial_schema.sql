-- Revisions: one monotonic counter shared by every row a kiosk syncs, so a single cursor
-- ("everything with rev > N") covers households, sessions and criteria sets at once.
CREATE TABLE revision (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
);
INSERT INTO revision (id, value) VALUES (1, 0);

CREATE TABLE commune (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  province TEXT NOT NULL
);

CREATE TABLE village (
  id         TEXT PRIMARY KEY,
  commune_id TEXT NOT NULL REFERENCES commune (id),
  name       TEXT NOT NULL,
  UNIQUE (commune_id, name)
);

CREATE TABLE support_point (
  id                     TEXT PRIMARY KEY,
  commune_id             TEXT NOT NULL REFERENCES commune (id),
  name                   TEXT NOT NULL,
  place                  TEXT NOT NULL,
  min_sessions_per_month INTEGER NOT NULL DEFAULT 3
);

-- A criteria set is data: the whole set is kept as its JSON document, versioned per commune.
CREATE TABLE criteria_set (
  commune_id TEXT NOT NULL REFERENCES commune (id),
  version    INTEGER NOT NULL,
  document   TEXT NOT NULL,
  loaded_at  TEXT NOT NULL,
  rev        INTEGER NOT NULL,
  PRIMARY KEY (commune_id, version)
);

CREATE TABLE household (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,
  commune_id   TEXT NOT NULL REFERENCES commune (id),
  village_id   TEXT NOT NULL REFERENCES village (id),
  head_name    TEXT NOT NULL,
  groups_json  TEXT NOT NULL,
  flags_json   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  rev          INTEGER NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX household_commune_rev ON household (commune_id, rev);
CREATE INDEX household_village ON household (village_id);

-- Members' ID numbers are never stored: only a keyed hash (per commune key) and a masked form.
CREATE TABLE member (
  household_id INTEGER NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  full_name    TEXT NOT NULL,
  id_hash      TEXT,
  id_masked    TEXT,
  PRIMARY KEY (household_id, seq)
);
CREATE INDEX member_id_hash ON member (id_hash);

-- Append-only: the latest row per (household, criterion) is the current status; history stays.
CREATE TABLE criterion_status (
  id           INTEGER PRIMARY KEY,
  household_id INTEGER NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  criterion_id TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('MET', 'PRACTISED', 'DECLARED', 'NOT_MET')),
  source       TEXT NOT NULL,
  actor        TEXT NOT NULL,
  at           TEXT NOT NULL,
  note         TEXT
);
CREATE INDEX criterion_status_household ON criterion_status (household_id, criterion_id, id);

CREATE TABLE session (
  id               TEXT PRIMARY KEY,
  support_point_id TEXT NOT NULL REFERENCES support_point (id),
  starts_at        TEXT NOT NULL,
  ends_at          TEXT NOT NULL,
  place            TEXT NOT NULL,
  topic            TEXT NOT NULL,
  trainer          TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED')),
  rev              INTEGER NOT NULL
);
CREATE INDEX session_point_start ON session (support_point_id, starts_at);
CREATE INDEX session_rev ON session (rev);

CREATE TABLE app_user (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('ADMIN', 'STAFF')),
  commune_id    TEXT REFERENCES commune (id),
  created_at    TEXT NOT NULL
);

-- Codes and tokens are stored as SHA-256 digests: a copy of the database enrols no kiosk.
CREATE TABLE enrolment_code (
  code_hash        TEXT PRIMARY KEY,
  support_point_id TEXT NOT NULL REFERENCES support_point (id),
  created_at       TEXT NOT NULL,
  expires_at       TEXT NOT NULL,
  used_at          TEXT,
  kiosk_id         TEXT
);

CREATE TABLE kiosk (
  id               TEXT PRIMARY KEY,
  support_point_id TEXT NOT NULL REFERENCES support_point (id),
  token_hash       TEXT NOT NULL UNIQUE,
  enrolled_at      TEXT NOT NULL,
  revoked_at       TEXT,
  last_seen_at     TEXT,
  version          TEXT,
  backlog          INTEGER,
  reader_state     TEXT
);

-- The log. Ids are kiosk-made UUIDv7 (time-ordered), so the clustered key appends at the end.
CREATE TABLE event (
  id          TEXT PRIMARY KEY,
  kiosk_id    TEXT NOT NULL,
  type        TEXT NOT NULL,
  at          TEXT NOT NULL,
  received_at TEXT NOT NULL,
  payload     TEXT NOT NULL
) WITHOUT ROWID;
