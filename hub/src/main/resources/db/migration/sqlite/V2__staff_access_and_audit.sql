-- Dashboard sessions. Only a SHA-256 digest of the cookie value is stored: a copy of the database
-- logs nobody in. The CSRF token is per session and must come back with every form.
CREATE TABLE staff_session (
  token_hash   TEXT PRIMARY KEY,
  username     TEXT NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
  csrf_token   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL
);
CREATE INDEX staff_session_user ON staff_session (username);

-- Who changed what. Append-only; commune_id null for hub-wide changes (users).
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  commune_id TEXT,
  action     TEXT NOT NULL,
  subject    TEXT NOT NULL,
  detail     TEXT
);
CREATE INDEX audit_log_commune ON audit_log (commune_id, id);
