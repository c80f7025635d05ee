-- Issue 15: community technology team members sign in to the field app with accounts of their own
-- role, FIELD, assigned one commune (user_commune) and the villages they look after (user_village).
-- SQLite cannot change a CHECK constraint, so app_user is rebuilt as in V34. Its sessions and
-- communes are kept aside and put back (emptied first, whether or not the foreign keys cascade),
-- so nobody is signed out by the upgrade. PostgreSQL has the same in its own V50.
CREATE TABLE staff_session_v50 AS SELECT * FROM staff_session;
CREATE TABLE user_commune_v50 AS SELECT * FROM user_commune;
DELETE FROM staff_session;
DELETE FROM user_commune;

CREATE TABLE app_user_v50 (
  id                   INTEGER PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE,
  password_hash        TEXT NOT NULL,
  role                 TEXT NOT NULL CHECK (role IN ('ADMIN', 'PROVINCE', 'STAFF', 'VIEWER', 'FIELD')),
  province_code        TEXT REFERENCES province (code),
  created_at           TEXT NOT NULL,
  disabled_at          TEXT,
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1))
);
INSERT INTO app_user_v50 (id, username, password_hash, role, province_code, created_at, disabled_at, must_change_password)
SELECT id, username, password_hash, role, province_code, created_at, disabled_at, must_change_password FROM app_user;
DROP TABLE app_user;
ALTER TABLE app_user_v50 RENAME TO app_user;

INSERT INTO user_commune (username, commune_id) SELECT username, commune_id FROM user_commune_v50;
DROP TABLE user_commune_v50;
INSERT INTO staff_session SELECT * FROM staff_session_v50;
DROP TABLE staff_session_v50;

CREATE TABLE user_village (
  username   TEXT NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
  village_id TEXT NOT NULL REFERENCES village (id),
  PRIMARY KEY (username, village_id)
);
CREATE INDEX user_village_village ON user_village (village_id);
