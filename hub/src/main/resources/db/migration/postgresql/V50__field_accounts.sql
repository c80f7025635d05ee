-- Issue 15: community technology team members sign in to the field app with accounts of their own
-- role, FIELD, assigned one commune (user_commune) and the villages they look after (user_village).
-- SQLite has the same in its own V50 (rebuilding app_user there).
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
  CHECK (role IN ('ADMIN', 'PROVINCE', 'STAFF', 'VIEWER', 'FIELD'));

CREATE TABLE user_village (
  username   TEXT NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
  village_id TEXT NOT NULL REFERENCES village (id),
  PRIMARY KEY (username, village_id)
);
CREATE INDEX user_village_village ON user_village (village_id);
