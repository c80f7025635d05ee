-- Where a resident is in a practice lesson (issue 5), so a lesson left half-way, or cut short by
-- the idle reset or a restart, resumes at the same step. learner is the household code, or ''
-- for a resident who practises without scanning a card. Deleted when the lesson is completed.
CREATE TABLE lesson_progress (
  lesson_id  TEXT NOT NULL,
  learner    TEXT NOT NULL,
  version    INTEGER NOT NULL,
  step       INTEGER NOT NULL,
  misses     TEXT NOT NULL,   -- misses per finished step, comma separated, for the score
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (lesson_id, learner)
);
