-- Household QR card issues and revocations (docs/household-qr.md). One row per household whose
-- card was ever revoked: cards with serial <= revoked_through are refused by kiosks after their
-- next sync; new cards are printed with serial. Households without a row print serial 1.
-- rev is the shared sync revision, so a revocation reaches kiosks as a delta like other sync data.
CREATE TABLE household_card (
  household_code  TEXT PRIMARY KEY REFERENCES household (code),
  commune_id      TEXT NOT NULL REFERENCES commune (id),
  serial          INTEGER NOT NULL,
  revoked_through INTEGER NOT NULL,
  revoked_at      TEXT NOT NULL,
  rev             INTEGER NOT NULL
);
CREATE INDEX household_card_commune_rev ON household_card (commune_id, rev);
