-- Support points administered in the browser (issue 12): opening hours as staff write them
-- ("Thứ 2–6, 7:30–11:00"), and retirement instead of deletion, so a point's sessions, kiosks and
-- attendance stay (retired_at: ISO-8601 UTC instant; NULL while the point is in use).
ALTER TABLE support_point ADD COLUMN opening_hours TEXT NOT NULL DEFAULT '';
ALTER TABLE support_point ADD COLUMN retired_at TEXT;

-- A roster upload's preview, kept until the same session applies it or it expires (30 min), so
-- the file is neither uploaded twice nor held in one hub process's memory (several processes may
-- serve the dashboard, issue 11). The payload is the parsed valid households as the importer
-- stores them: members' ID numbers only as keyed hashes and masked forms, never in full.
CREATE TABLE roster_preview (
  token_hash   TEXT PRIMARY KEY,
  session_hash TEXT NOT NULL,
  commune_id   TEXT NOT NULL REFERENCES commune (id),
  created_by   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  payload      TEXT NOT NULL
);
CREATE INDEX roster_preview_expiry ON roster_preview (expires_at);
