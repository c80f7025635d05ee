-- Events the hub refused with a 4xx that names them (or that a halved batch narrowed down to):
-- kept here with the hub's status and reason, never sent again automatically and never blocking
-- the events after them. Replaces dead_letter (400s only), whose rows move here unchanged.
CREATE TABLE quarantine (
  id             TEXT PRIMARY KEY,
  type           TEXT NOT NULL,
  at             TEXT NOT NULL,
  payload        TEXT NOT NULL,
  status         INTEGER NOT NULL,  -- the hub's HTTP status, e.g. 400 or 413
  reason         TEXT NOT NULL,     -- the hub's reason, as it gave it
  quarantined_at TEXT NOT NULL
);

INSERT INTO quarantine (id, type, at, payload, status, reason, quarantined_at)
  SELECT id, type, at, payload, CASE WHEN reason LIKE 'HTTP 413%' THEN 413 ELSE 400 END, reason, failed_at
  FROM dead_letter;

DROP TABLE dead_letter;
