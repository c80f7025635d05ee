-- Issue 11: a fingerprint of the secrets file the database was created with (SecretsFingerprint),
-- so a hub started with another deployment's secrets refuses instead of issuing cards no kiosk
-- accepts. One-way: it reveals no key. A database from before this gets it at its next start.
CREATE TABLE hub_setting (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
