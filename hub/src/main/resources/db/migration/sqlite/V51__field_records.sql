-- Issue 15: what community technology team members record on their phones (home visits,
-- criteria verified in the field, VNeID level 2 verified for a member). The id is a UUIDv7 made on
-- the phone: a record sent twice is stored once. member_hash is the member's keyed ID hash as the
-- roster had it when the record arrived (never the ID number), so VNeID verifications can be
-- filed as person progress. PostgreSQL has the same in its own V51.
CREATE TABLE field_record (
  id             TEXT PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('home-visit', 'criterion-verified', 'vneid-verified')),
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
  received_at    TEXT NOT NULL
);
CREATE INDEX field_record_commune ON field_record (commune_id, household_code);
CREATE INDEX field_record_member ON field_record (member_hash) WHERE member_hash IS NOT NULL;
