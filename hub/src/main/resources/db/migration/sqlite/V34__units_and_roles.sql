-- Issue 12: administrative units (provinces and communes with their official codes) and roles
-- (admin, province officer, commune staff of one or more communes, read-only viewer); decision
-- hub-015. PostgreSQL has the same in its own V34.

-- Provinces. code is the official two-digit code of the post-2025 catalogue (Decision
-- 19/2025/QĐ-TTg, e.g. '52' Gia Lai) or, for a province the hub only knows by a name typed into a
-- criteria set, a provisional code 'x1', 'x2'… until a units file gives the real one. source says
-- where the row's code and name came from (an import's source column, or this upgrade).
CREATE TABLE province (
  code   TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  source TEXT NOT NULL
);

-- Existing communes carried their province as text. Gia Lai's code is known (docs/units.md);
-- any other name gets a provisional code.
INSERT INTO province (code, name, source)
SELECT CASE WHEN province = 'Gia Lai' THEN '52' ELSE 'x' || ROW_NUMBER() OVER (ORDER BY province) END,
       province,
       CASE WHEN province = 'Gia Lai'
            THEN 'Nâng cấp V34: tên từ bộ tiêu chí; mã 52 theo danh mục sau 01/07/2025 (QĐ 19/2025/QĐ-TTg)'
            ELSE 'Nâng cấp V34: tên từ bộ tiêu chí; mã tạm, chưa có mã chính thức' END
FROM (SELECT DISTINCT province FROM commune) d;

-- A commune keeps its id (kiosks, events and URLs use it) and gains its official code (NULL until
-- a units file gives it) and its province by code.
ALTER TABLE commune ADD COLUMN code TEXT;
ALTER TABLE commune ADD COLUMN province_code TEXT REFERENCES province (code);
ALTER TABLE commune ADD COLUMN source TEXT;
UPDATE commune SET province_code = (SELECT p.code FROM province p WHERE p.name = commune.province),
                   source = 'Nâng cấp V34: từ bộ tiêu chí của xã';
ALTER TABLE commune DROP COLUMN province;
CREATE UNIQUE INDEX commune_code ON commune (code);
CREATE INDEX commune_province ON commune (province_code, name);

-- Each units file applied: when, by whom, from which file, and the sources its rows named.
CREATE TABLE unit_import (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sources   TEXT NOT NULL,
  provinces INTEGER NOT NULL,
  communes  INTEGER NOT NULL
);

-- Accounts: four roles; a province officer (and a viewer of a province) names its province; staff
-- and viewers of communes name theirs in user_commune. SQLite cannot change a CHECK constraint,
-- so app_user is rebuilt. Dropping the old table deletes its sessions (ON DELETE CASCADE): they
-- are kept aside and put back, so nobody is signed out by the upgrade.
CREATE TABLE staff_session_v34 AS SELECT * FROM staff_session;
CREATE TABLE user_commune_v34 AS SELECT username, commune_id FROM app_user WHERE commune_id IS NOT NULL;

CREATE TABLE app_user_v34 (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('ADMIN', 'PROVINCE', 'STAFF', 'VIEWER')),
  province_code TEXT REFERENCES province (code),
  created_at    TEXT NOT NULL,
  disabled_at   TEXT
);
INSERT INTO app_user_v34 (id, username, password_hash, role, province_code, created_at, disabled_at)
SELECT id, username, password_hash, role, NULL, created_at, disabled_at FROM app_user;
DROP TABLE app_user;
ALTER TABLE app_user_v34 RENAME TO app_user;

CREATE TABLE user_commune (
  username   TEXT NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
  commune_id TEXT NOT NULL REFERENCES commune (id),
  PRIMARY KEY (username, commune_id)
);
CREATE INDEX user_commune_commune ON user_commune (commune_id);
INSERT INTO user_commune (username, commune_id) SELECT username, commune_id FROM user_commune_v34;
DROP TABLE user_commune_v34;

INSERT INTO staff_session SELECT * FROM staff_session_v34;
DROP TABLE staff_session_v34;
