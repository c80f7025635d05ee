-- Issue 15: the register of community technology teams (Tổ công nghệ số cộng đồng), one per
-- village or for the whole commune (village_id NULL); decision record hub-027. A team's leader is
-- its member with the role LEADER, not a column of its own. A member's sign-in account is only a
-- username (nullable, no foreign key): the field role that uses it is built elsewhere, and the
-- register outlives accounts. Households are linked by code, as declarations are. PostgreSQL has
-- the same in its own V48.
CREATE TABLE team (
  id         INTEGER PRIMARY KEY,
  commune_id TEXT NOT NULL REFERENCES commune (id),
  village_id TEXT REFERENCES village (id),
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (commune_id, name)
);

CREATE TABLE team_member (
  id         INTEGER PRIMARY KEY,
  team_id    INTEGER NOT NULL REFERENCES team (id),
  commune_id TEXT NOT NULL REFERENCES commune (id),
  full_name  TEXT NOT NULL,
  -- Normalised to 10 digits starting with 0; one member per phone number in a commune.
  phone      TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('LEADER', 'DEPUTY', 'MEMBER')),
  username   TEXT,
  added_at   TEXT NOT NULL,
  UNIQUE (commune_id, phone)
);
CREATE INDEX team_member_team ON team_member (team_id);

CREATE TABLE team_household (
  member_id      INTEGER NOT NULL REFERENCES team_member (id),
  household_code TEXT NOT NULL,
  assigned_at    TEXT NOT NULL,
  PRIMARY KEY (member_id, household_code)
);
CREATE INDEX team_household_code ON team_household (household_code);

CREATE TABLE team_training (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES team_member (id),
  course      TEXT NOT NULL,
  taken_on    TEXT NOT NULL,
  certificate TEXT,
  issuer      TEXT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX team_training_member ON team_training (member_id);
