-- Issue 11: the dashboard's tables (attendance, attendance_month, activity_month, support_request,
-- declaration, event_ignored) are now kept by Java in each batch's own transaction
-- (vn.giadinhso.hub.ingest.Projections), in SQL that PostgreSQL runs too; these SQLite triggers
-- would count every event a second time. What they already wrote stays as it is.
-- See docs/decisions/hub-011-projections-in-java.md (supersedes hub-005).
DROP TRIGGER event_attendance;
DROP TRIGGER attendance_count;
DROP TRIGGER event_activity;
DROP TRIGGER event_support_request;
DROP TRIGGER event_declaration;
