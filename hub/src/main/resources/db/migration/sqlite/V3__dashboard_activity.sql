-- What the dashboard needs from the event log, kept up to date by triggers as events are stored,
-- so pages and reports never scan the (100 M-row) log. Triggers fire only for events actually
-- inserted, so a batch sent twice counts once. Malformed payloads are skipped (OR IGNORE plus
-- WHEN guards): an event is never refused because of a dashboard table. See
-- docs/decisions/hub-004-activity-tables-by-trigger.md and docs/protocol-events.md.

-- One row per person per session: two kiosks recording the same person offline count once.
CREATE TABLE attendance (
  session_id     TEXT NOT NULL,
  person_key     TEXT NOT NULL,
  household_code TEXT,
  kiosk_id       TEXT NOT NULL,
  at             TEXT NOT NULL,
  PRIMARY KEY (session_id, person_key)
) WITHOUT ROWID;
CREATE INDEX attendance_household ON attendance (household_code, at);

CREATE TABLE attendance_month (
  support_point_id TEXT NOT NULL,
  month            TEXT NOT NULL,
  n                INTEGER NOT NULL,
  PRIMARY KEY (support_point_id, month)
) WITHOUT ROWID;

-- Events per kiosk's support point, type and month (Vietnam time): practice, declarations, requests, scans.
CREATE TABLE activity_month (
  support_point_id TEXT NOT NULL,
  month            TEXT NOT NULL,
  type             TEXT NOT NULL,
  n                INTEGER NOT NULL,
  PRIMARY KEY (support_point_id, month, type)
) WITHOUT ROWID;

CREATE TABLE support_request (
  event_id       TEXT PRIMARY KEY,
  kiosk_id       TEXT NOT NULL,
  at             TEXT NOT NULL,
  topic          TEXT NOT NULL,
  phone          TEXT,
  household_code TEXT,
  status         TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ASSIGNED', 'CLOSED')),
  assignee       TEXT,
  note           TEXT,
  updated_by     TEXT,
  updated_at     TEXT
);
CREATE INDEX support_request_status ON support_request (status, at);

CREATE TABLE declaration (
  event_id       TEXT PRIMARY KEY,
  kiosk_id       TEXT NOT NULL,
  at             TEXT NOT NULL,
  household_code TEXT NOT NULL,
  criterion_id   TEXT NOT NULL,
  decided_at     TEXT,
  decided_by     TEXT,
  decision       TEXT CHECK (decision IN ('MET', 'REJECTED'))
);
CREATE INDEX declaration_pending ON declaration (decided_at, household_code);

-- Backfill from events stored before this migration.
INSERT OR IGNORE INTO attendance (session_id, person_key, household_code, kiosk_id, at)
SELECT json_extract(payload, '$.sessionId'),
       COALESCE('m:' || json_extract(payload, '$.memberHash'), 'h:' || json_extract(payload, '$.householdCode')),
       json_extract(payload, '$.householdCode'), kiosk_id, at
FROM event WHERE type = 'attendance.checked_in' AND json_valid(payload) ORDER BY at;

INSERT INTO attendance_month (support_point_id, month, n)
SELECT s.support_point_id, strftime('%Y-%m', s.starts_at, '+7 hours'), COUNT(*)
FROM attendance a JOIN session s ON s.id = a.session_id GROUP BY 1, 2;

INSERT INTO activity_month (support_point_id, month, type, n)
SELECT k.support_point_id, strftime('%Y-%m', e.at, '+7 hours'), e.type, COUNT(*)
FROM event e JOIN kiosk k ON k.id = e.kiosk_id
WHERE e.type IN ('practice.completed', 'criterion.declared', 'support.requested', 'identified', 'attendance.checked_in')
GROUP BY 1, 2, 3;

INSERT OR IGNORE INTO support_request (event_id, kiosk_id, at, topic, phone, household_code)
SELECT id, kiosk_id, at, json_extract(payload, '$.topic'), json_extract(payload, '$.phone'), json_extract(payload, '$.householdCode')
FROM event WHERE type = 'support.requested' AND json_valid(payload);

INSERT OR IGNORE INTO declaration (event_id, kiosk_id, at, household_code, criterion_id)
SELECT id, kiosk_id, at, json_extract(payload, '$.householdCode'), json_extract(payload, '$.criterionId')
FROM event WHERE type = 'criterion.declared' AND json_valid(payload);

CREATE TRIGGER event_attendance AFTER INSERT ON event
WHEN NEW.type = 'attendance.checked_in' AND json_valid(NEW.payload)
BEGIN
  INSERT OR IGNORE INTO attendance (session_id, person_key, household_code, kiosk_id, at)
  VALUES (json_extract(NEW.payload, '$.sessionId'),
          COALESCE('m:' || json_extract(NEW.payload, '$.memberHash'), 'h:' || json_extract(NEW.payload, '$.householdCode')),
          json_extract(NEW.payload, '$.householdCode'), NEW.kiosk_id, NEW.at);
END;

CREATE TRIGGER attendance_count AFTER INSERT ON attendance
BEGIN
  INSERT INTO attendance_month (support_point_id, month, n)
  SELECT support_point_id, strftime('%Y-%m', starts_at, '+7 hours'), 1 FROM session WHERE id = NEW.session_id
  ON CONFLICT (support_point_id, month) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER event_activity AFTER INSERT ON event
WHEN NEW.type IN ('practice.completed', 'criterion.declared', 'support.requested', 'identified', 'attendance.checked_in')
BEGIN
  INSERT INTO activity_month (support_point_id, month, type, n)
  SELECT support_point_id, strftime('%Y-%m', NEW.at, '+7 hours'), NEW.type, 1 FROM kiosk WHERE id = NEW.kiosk_id
  ON CONFLICT (support_point_id, month, type) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER event_support_request AFTER INSERT ON event
WHEN NEW.type = 'support.requested' AND json_valid(NEW.payload)
BEGIN
  INSERT OR IGNORE INTO support_request (event_id, kiosk_id, at, topic, phone, household_code)
  VALUES (NEW.id, NEW.kiosk_id, NEW.at, json_extract(NEW.payload, '$.topic'), json_extract(NEW.payload, '$.phone'),
          json_extract(NEW.payload, '$.householdCode'));
END;

CREATE TRIGGER event_declaration AFTER INSERT ON event
WHEN NEW.type = 'criterion.declared' AND json_valid(NEW.payload)
BEGIN
  INSERT OR IGNORE INTO declaration (event_id, kiosk_id, at, household_code, criterion_id)
  VALUES (NEW.id, NEW.kiosk_id, NEW.at, json_extract(NEW.payload, '$.householdCode'),
          json_extract(NEW.payload, '$.criterionId'));
END;
