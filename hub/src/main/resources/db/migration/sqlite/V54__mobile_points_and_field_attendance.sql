-- Issue 15: mobile points and attendance taken on the phone. A mobile point (điểm lưu động)
-- moves from village to village: each of its sessions names its place. A team member's phone
-- check-in is a field record of kind 'attendance' naming its session; the hub files it in the
-- same attendance table as kiosk check-ins (one person once per session). SQLite cannot change a
-- CHECK constraint in place, so field_record is rebuilt with the new kind and session_id.
-- PostgreSQL has the same in its own V54.
ALTER TABLE support_point ADD COLUMN mobile INTEGER NOT NULL DEFAULT 0;

CREATE TABLE field_record_v54 (
  id             TEXT PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('home-visit', 'criterion-verified', 'vneid-verified', 'attendance')),
  username       TEXT NOT NULL,
  commune_id     TEXT NOT NULL REFERENCES commune (id),
  village_id     TEXT NOT NULL,
  household_code TEXT NOT NULL,
  member_seq     INTEGER,
  member_hash    TEXT,
  member_masked  TEXT,
  criterion_id   TEXT,
  detail_json    TEXT NOT NULL,
  at             TEXT NOT NULL,
  received_at    TEXT NOT NULL,
  session_id     TEXT
);
INSERT INTO field_record_v54 (id, kind, username, commune_id, village_id, household_code, member_seq, member_hash,
    member_masked, criterion_id, detail_json, at, received_at)
  SELECT id, kind, username, commune_id, village_id, household_code, member_seq, member_hash,
    member_masked, criterion_id, detail_json, at, received_at FROM field_record;
DROP TABLE field_record;
ALTER TABLE field_record_v54 RENAME TO field_record;
CREATE INDEX field_record_commune ON field_record (commune_id, household_code);
CREATE INDEX field_record_member ON field_record (member_hash) WHERE member_hash IS NOT NULL;
