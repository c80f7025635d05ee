-- Issue 13: staff open an unscheduled session at a kiosk (a mobile team, an extra session). The
-- kiosk reports it with a session.opened_at_kiosk event; the hub keeps it as a session of the
-- kiosk's point like any other (it counts toward the month's minimum), marked so the dashboard
-- can say where it came from. An integer, as must_change_password (V43), so both stores bind it alike.
-- PostgreSQL has the same in its own V45.
ALTER TABLE session ADD COLUMN opened_at_kiosk INTEGER NOT NULL DEFAULT 0
  CHECK (opened_at_kiosk IN (0, 1));

-- A check-in for a session the hub does not know yet (its session.opened_at_kiosk event is still
-- in another kiosk's outbox, or was sent after it): kept here, already reduced to the person it
-- counts, and moved into attendance when the session arrives, so it is not lost.
CREATE TABLE attendance_pending (
  session_id     TEXT NOT NULL,
  person_key     TEXT NOT NULL,
  commune_id     TEXT NOT NULL,
  household_code TEXT,
  kiosk_id       TEXT NOT NULL,
  at             TEXT NOT NULL,
  PRIMARY KEY (session_id, person_key)
);
