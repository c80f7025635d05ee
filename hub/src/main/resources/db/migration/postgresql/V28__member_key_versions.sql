-- As SQLite V28: which version of its member-hashing key each commune's member.id_hash values are
-- under (docs/member-ids.md). The keys live in the secrets file, never here; no row means version 1.
CREATE TABLE member_key_version (
  commune_id TEXT PRIMARY KEY,
  version    INTEGER NOT NULL CHECK (version >= 1)
);
