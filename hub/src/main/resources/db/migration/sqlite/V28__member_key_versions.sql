-- Which version of its member-hashing key each commune's member.id_hash values are under
-- (docs/member-ids.md). The keys themselves live in the secrets file, never here. A commune
-- without a row is at version 1, the key derived from the master key, as before this migration.
CREATE TABLE member_key_version (
  commune_id TEXT PRIMARY KEY,
  version    INTEGER NOT NULL CHECK (version >= 1)
);
