-- As SQLite V32.
-- Issue 11: login and enrolment throttling move out of each hub process's memory into the
-- database, so that several hub processes behind a load balancer throttle as one and a restart
-- forgets nothing (auth.LoginThrottle, kiosk.EnrolmentThrottle; decision hub-014). Times are
-- epoch milliseconds: the throttles compare and subtract them, which text instants do not allow.
-- Rows idle for longer than their window are deleted by the throttles as they go.

-- One row per account name ('u:…') and per client address ('a:…'): failures counted since the
-- last success, and when the last one was admitted.
CREATE TABLE login_throttle (
  key      TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_at  BIGINT NOT NULL
);
CREATE INDEX login_throttle_last_at ON login_throttle (last_at);

-- One row per client address: the times of its counted enrolment attempts within the window (an
-- attempt counts unless it enrols a kiosk), oldest first, space-separated, at most ten, read and
-- written whole; last_at is the newest.
CREATE TABLE enrolment_throttle (
  address TEXT PRIMARY KEY,
  times   TEXT NOT NULL,
  last_at BIGINT NOT NULL
);
CREATE INDEX enrolment_throttle_last_at ON enrolment_throttle (last_at);
