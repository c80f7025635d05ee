-- Issue 10.8. An admin can disable an account: it keeps its history (audit entries name it) but
-- cannot sign in; NULL means active.
ALTER TABLE app_user ADD COLUMN disabled_at TEXT;

-- Sessions end after 30 minutes without a request as well as at their absolute expiry. Kept in
-- the database (not in memory) so this holds when several hub processes serve the dashboard.
ALTER TABLE staff_session ADD COLUMN last_seen_at TEXT;
UPDATE staff_session SET last_seen_at = created_at;

-- The audit log can be appended to, never rewritten: the application's own connection cannot
-- change or remove an entry. SQLite syntax; the PostgreSQL migration needs its own trigger
-- (a plpgsql function raising an exception, BEFORE UPDATE OR DELETE ... FOR EACH ROW) and should
-- also REVOKE UPDATE, DELETE on audit_log from the application's role.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
