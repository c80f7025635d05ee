-- Issue 10 point 5: a kiosk's event is stored in the log whatever it names, but it changes the
-- dashboard only inside the kiosk's own commune. A declaration, check-in or support request naming
-- a household or session of another commune (or one the hub does not know) is recorded in
-- event_ignored with the reason, and projected nowhere; the batch answer reads the reasons back
-- (IngestService) so the kiosk is told per event. The rule lives here, once per event type, in
-- the same triggers that project (hub-005: activity tables by trigger).
-- See docs/protocol.md ("ignored") and docs/decisions/hub-009-events-stay-in-their-commune.md.

CREATE TABLE event_ignored (
  event_id TEXT PRIMARY KEY,
  reason   TEXT NOT NULL
);

-- The commune a kiosk works in, through its support point.
CREATE VIEW kiosk_commune AS
SELECT k.id AS kiosk_id, p.commune_id AS commune_id FROM kiosk k JOIN support_point p ON p.id = k.support_point_id;

DROP TRIGGER event_attendance;
DROP TRIGGER event_support_request;
DROP TRIGGER event_declaration;

-- A field that is absent is not a reason (the event is skipped as before, see protocol-events.md);
-- a field that names something outside the commune is.
CREATE TRIGGER event_attendance AFTER INSERT ON event
WHEN NEW.type = 'attendance.checked_in' AND json_valid(NEW.payload)
BEGIN
  INSERT OR IGNORE INTO event_ignored (event_id, reason)
  SELECT NEW.id, reason FROM (SELECT CASE
    WHEN json_extract(NEW.payload, '$.sessionId') IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM session s JOIN support_point sp ON sp.id = s.support_point_id
        JOIN kiosk_commune kc ON kc.commune_id = sp.commune_id
        WHERE s.id = json_extract(NEW.payload, '$.sessionId') AND kc.kiosk_id = NEW.kiosk_id)
      THEN 'session not in this kiosk''s commune'
    WHEN json_extract(NEW.payload, '$.householdCode') IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM household h JOIN kiosk_commune kc ON kc.commune_id = h.commune_id
        WHERE h.code = json_extract(NEW.payload, '$.householdCode') AND kc.kiosk_id = NEW.kiosk_id)
      THEN 'household not in this kiosk''s commune'
  END AS reason) WHERE reason IS NOT NULL;

  INSERT OR IGNORE INTO attendance (session_id, person_key, household_code, kiosk_id, at)
  SELECT json_extract(NEW.payload, '$.sessionId'),
         COALESCE('m:' || json_extract(NEW.payload, '$.memberHash'), 'h:' || json_extract(NEW.payload, '$.householdCode')),
         json_extract(NEW.payload, '$.householdCode'), NEW.kiosk_id, NEW.at
  WHERE NOT EXISTS (SELECT 1 FROM event_ignored WHERE event_id = NEW.id);
END;

CREATE TRIGGER event_support_request AFTER INSERT ON event
WHEN NEW.type = 'support.requested' AND json_valid(NEW.payload)
BEGIN
  INSERT OR IGNORE INTO event_ignored (event_id, reason)
  SELECT NEW.id, 'household not in this kiosk''s commune'
  WHERE json_extract(NEW.payload, '$.householdCode') IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM household h JOIN kiosk_commune kc ON kc.commune_id = h.commune_id
      WHERE h.code = json_extract(NEW.payload, '$.householdCode') AND kc.kiosk_id = NEW.kiosk_id);

  INSERT OR IGNORE INTO support_request (event_id, kiosk_id, at, topic, phone, household_code)
  SELECT NEW.id, NEW.kiosk_id, NEW.at, json_extract(NEW.payload, '$.topic'), json_extract(NEW.payload, '$.phone'),
         json_extract(NEW.payload, '$.householdCode')
  WHERE NOT EXISTS (SELECT 1 FROM event_ignored WHERE event_id = NEW.id);
END;

CREATE TRIGGER event_declaration AFTER INSERT ON event
WHEN NEW.type = 'criterion.declared' AND json_valid(NEW.payload)
BEGIN
  INSERT OR IGNORE INTO event_ignored (event_id, reason)
  SELECT NEW.id, 'household not in this kiosk''s commune'
  WHERE json_extract(NEW.payload, '$.householdCode') IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM household h JOIN kiosk_commune kc ON kc.commune_id = h.commune_id
      WHERE h.code = json_extract(NEW.payload, '$.householdCode') AND kc.kiosk_id = NEW.kiosk_id);

  INSERT OR IGNORE INTO declaration (event_id, kiosk_id, at, household_code, criterion_id)
  SELECT NEW.id, NEW.kiosk_id, NEW.at, json_extract(NEW.payload, '$.householdCode'),
         json_extract(NEW.payload, '$.criterionId')
  WHERE NOT EXISTS (SELECT 1 FROM event_ignored WHERE event_id = NEW.id);
END;

-- What the old triggers already let through: take it back out of the other commune's pages.
-- Undecided declarations only (a decision already taken stays in the household's history).
DELETE FROM declaration
WHERE decided_at IS NULL AND NOT EXISTS (
  SELECT 1 FROM household h JOIN kiosk_commune kc ON kc.commune_id = h.commune_id
  WHERE h.code = declaration.household_code AND kc.kiosk_id = declaration.kiosk_id);

UPDATE support_request SET household_code = NULL
WHERE household_code IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM household h JOIN kiosk_commune kc ON kc.commune_id = h.commune_id
  WHERE h.code = support_request.household_code AND kc.kiosk_id = support_request.kiosk_id);

DELETE FROM attendance
WHERE NOT EXISTS (
    SELECT 1 FROM session s JOIN support_point sp ON sp.id = s.support_point_id
    JOIN kiosk_commune kc ON kc.commune_id = sp.commune_id
    WHERE s.id = attendance.session_id AND kc.kiosk_id = attendance.kiosk_id)
  OR (household_code IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM household h JOIN kiosk_commune kc ON kc.commune_id = h.commune_id
    WHERE h.code = attendance.household_code AND kc.kiosk_id = attendance.kiosk_id));

-- Monthly attendance counts, recounted from what is left (as V3 first filled them).
DELETE FROM attendance_month;
INSERT INTO attendance_month (support_point_id, month, n)
SELECT s.support_point_id, strftime('%Y-%m', s.starts_at, '+7 hours'), COUNT(*)
FROM attendance a JOIN session s ON s.id = a.session_id GROUP BY 1, 2;
