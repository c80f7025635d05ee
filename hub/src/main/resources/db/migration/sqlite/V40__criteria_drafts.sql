-- Issue 12: a criteria set uploaded in the dashboard waits here, unpublished, while its uploader
-- looks at the preview (which households would change status). One draft per sign-in session and
-- commune; publishing or discarding deletes it, and drafts older than a session's lifetime are
-- swept on the next upload. Kept in the database, not in one process's memory, because several
-- hub processes may serve one dashboard (issue 11): the preview and the publish may reach
-- different processes. Decision hub-017.
CREATE TABLE criteria_draft (
  session_key TEXT NOT NULL,
  commune_id  TEXT NOT NULL,
  username    TEXT NOT NULL,
  document    TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (session_key, commune_id)
);
