-- Issue 14: a commune's own retention periods (docs/privacy.md "Retention"). A NULL period is the
-- hub's default (serve --retention-*-days); no row is the hub's default for every kind.
CREATE TABLE commune_retention (
  commune_id         TEXT PRIMARY KEY REFERENCES commune (id),
  support_phone_days INTEGER CHECK (support_phone_days >= 1),
  attendance_days    INTEGER CHECK (attendance_days >= 1),
  event_fields_days  INTEGER CHECK (event_fields_days >= 1),
  updated_by         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
