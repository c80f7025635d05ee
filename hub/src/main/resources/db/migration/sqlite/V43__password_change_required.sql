-- Issue 12: an account given a password by someone else (created by an admin or a province
-- officer, created with user-add, or reset) must choose its own at its first sign-in before any
-- other page opens. Kept on the account, not the session, so every hub process sees it.
-- PostgreSQL has the same in its own V43.
ALTER TABLE app_user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
  CHECK (must_change_password IN (0, 1));
