-- Issue 13: language packs for kiosks (docs/languages.md), beside lesson packs: every version
-- kept, as the zip kiosks download. PostgreSQL has the same in its own V44.
CREATE TABLE language_pack (
  code      TEXT NOT NULL,
  version   INTEGER NOT NULL,
  name      TEXT NOT NULL,
  name_vi   TEXT NOT NULL,
  sha256    TEXT NOT NULL,
  size      INTEGER NOT NULL,
  content   BLOB NOT NULL,
  loaded_at TEXT NOT NULL,
  rev       INTEGER NOT NULL,
  PRIMARY KEY (code, version)
);
