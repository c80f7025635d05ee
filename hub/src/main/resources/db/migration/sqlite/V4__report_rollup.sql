-- Pre-aggregated report counts per commune and village, maintained incrementally by ReportRollup
-- from households whose sync revision moved (every status change moves it). Reports read these few
-- rows instead of evaluating a million households. Keys: households, recognised,
-- c:<criterion>:applicable, c:<criterion>:met, g:<group>, g:<group>:recognised.
CREATE TABLE report_cursor (
  commune_id       TEXT PRIMARY KEY,
  criteria_version INTEGER NOT NULL,
  rev              INTEGER NOT NULL
);

CREATE TABLE report_contribution (
  household_code TEXT PRIMARY KEY,
  commune_id     TEXT NOT NULL,
  village        TEXT NOT NULL,
  keys           TEXT NOT NULL
);

CREATE TABLE report_count (
  commune_id TEXT NOT NULL,
  village    TEXT NOT NULL,
  key        TEXT NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (commune_id, village, key)
) WITHOUT ROWID;
