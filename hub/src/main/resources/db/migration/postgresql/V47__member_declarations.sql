-- Issue 15: what a resident declared about themselves at a kiosk after scanning their own card
-- (event member.declared, docs/protocol-events.md), waiting for staff to verify or reject. The
-- member is named by their ID hash (the hub opened memberSealed); never an ID number.
-- SQLite has the same in its own V47.
CREATE TABLE member_declaration (
  event_id       TEXT PRIMARY KEY,
  kiosk_id       TEXT NOT NULL,
  at             TEXT NOT NULL,
  commune_id     TEXT NOT NULL,
  household_code TEXT NOT NULL,
  member_hash    TEXT NOT NULL,
  claim          TEXT NOT NULL,
  answer         TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'unsure')),
  decided_at     TEXT,
  decided_by     TEXT,
  decision       TEXT CHECK (decision IN ('VERIFIED', 'REJECTED'))
);
CREATE INDEX member_declaration_pending ON member_declaration (commune_id, decided_at);
