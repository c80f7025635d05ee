-- Practice evidence arrives as lesson.completed (issue 5: lesson.started / lesson.step /
-- lesson.completed); no kiosk sends practice.completed. Count lesson.completed per support point
-- and month instead. Rows already counted under practice.completed (none from real kiosks) stay
-- as they are and are no longer read. See docs/protocol-events.md.
--
-- The WHEN clause is a chain of = rather than IN (...): SQLite builds an ephemeral index for an IN
-- list of more than two constants, and inside a trigger it does so again for every row. With IN,
-- this one trigger cost more than the other three together, for every event type; with = the
-- ingest INSERT runs about 1.5 x faster (bench-triggers; figures in hub/README.md).
DROP TRIGGER event_activity;

CREATE TRIGGER event_activity AFTER INSERT ON event
WHEN NEW.type = 'identified' OR NEW.type = 'lesson.completed' OR NEW.type = 'attendance.checked_in'
  OR NEW.type = 'criterion.declared' OR NEW.type = 'support.requested'
BEGIN
  INSERT INTO activity_month (support_point_id, month, type, n)
  SELECT support_point_id, strftime('%Y-%m', NEW.at, '+7 hours'), NEW.type, 1 FROM kiosk WHERE id = NEW.kiosk_id
  ON CONFLICT (support_point_id, month, type) DO UPDATE SET n = n + 1;
END;

-- Backfill lesson.completed events stored before this migration (the old trigger skipped them, so
-- activity_month has no lesson.completed rows yet). One scan of the log, once.
INSERT INTO activity_month (support_point_id, month, type, n)
SELECT k.support_point_id, strftime('%Y-%m', e.at, '+7 hours'), e.type, COUNT(*)
FROM event e JOIN kiosk k ON k.id = e.kiosk_id
WHERE e.type = 'lesson.completed'
GROUP BY 1, 2, 3;
