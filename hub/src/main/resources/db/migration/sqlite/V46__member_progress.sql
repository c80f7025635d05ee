-- Issue 15: people, not only households (decision record hub-026). Each member's own progress,
-- keyed by the member's ID hash within the commune (docs/member-ids.md): a roster re-import
-- replaces member rows, a hash stays the same, and rotate-hash-key re-keys these tables too.
-- PostgreSQL has the same in its own V46.

-- The birth year, read off the ID number's century and year digits at import (PPP G YY NNNNNN);
-- null for members without a card and for members imported before this version.
ALTER TABLE member ADD COLUMN birth_year INTEGER;

-- VNeID level 2, append-only: the newest row per member is the current answer, the rest is the trail.
CREATE TABLE member_vneid (
  id          INTEGER PRIMARY KEY,
  commune_id  TEXT NOT NULL,
  member_hash TEXT NOT NULL,
  activated   INTEGER NOT NULL CHECK (activated IN (0, 1)),
  source      TEXT NOT NULL CHECK (source IN ('staff', 'kiosk-declared-verified', 'field-verified')),
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL
);
CREATE INDEX member_vneid_member ON member_vneid (commune_id, member_hash, id);

-- "Công dân số nòng cốt" of the household: a row while the member is one.
CREATE TABLE member_core_citizen (
  commune_id  TEXT NOT NULL,
  member_hash TEXT NOT NULL,
  since       TEXT NOT NULL,
  actor       TEXT NOT NULL,
  PRIMARY KEY (commune_id, member_hash)
);

-- The commune's person-level targets (Ân Tường 2026: 35 % of residents, 100 % of officials'
-- households' members and of youth with VNeID level 2); a commune without a row uses those.
CREATE TABLE commune_person_target (
  commune_id        TEXT PRIMARY KEY,
  residents_percent INTEGER NOT NULL CHECK (residents_percent BETWEEN 0 AND 100),
  officials_percent INTEGER NOT NULL CHECK (officials_percent BETWEEN 0 AND 100),
  youth_percent     INTEGER NOT NULL CHECK (youth_percent BETWEEN 0 AND 100),
  updated_at        TEXT NOT NULL,
  updated_by        TEXT NOT NULL
);

-- Sessions a member attended, counted on the household page: attendance rows name a member as
-- m:<hash>, and the primary key (session_id, person_key) cannot find one person's rows.
CREATE INDEX attendance_person ON attendance (person_key);
