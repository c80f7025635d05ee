-- Household QR cards the hub revoked (a lost card), as synced: cards of the household with a
-- serial up to revoked_through are refused.
CREATE TABLE revoked_card (
    household_code  TEXT PRIMARY KEY,
    revoked_through INTEGER NOT NULL
);
