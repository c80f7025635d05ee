-- Household QR cards the hub revoked (a lost card), as synced: cards of the household with a
-- serial up to revoked_through are refused. Numbered V26 after the hub migration of the same
-- change, so parallel kiosk migrations (V3, V4…) cannot collide with it.
CREATE TABLE revoked_card (
    household_code  TEXT PRIMARY KEY,
    revoked_through INTEGER NOT NULL
);
