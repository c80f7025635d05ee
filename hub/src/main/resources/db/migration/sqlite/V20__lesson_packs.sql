-- Lesson packs for kiosks: every version kept, as the zip kiosks download. Numbered 20 to leave
-- room for the dashboard's migrations being written alongside.
CREATE TABLE lesson_pack (
  id            TEXT NOT NULL,
  version       INTEGER NOT NULL,
  title_vi      TEXT NOT NULL,
  title_en      TEXT NOT NULL,
  criteria_json TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  size          INTEGER NOT NULL,
  content       BLOB NOT NULL,
  loaded_at     TEXT NOT NULL,
  rev           INTEGER NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX lesson_pack_rev ON lesson_pack (rev);
