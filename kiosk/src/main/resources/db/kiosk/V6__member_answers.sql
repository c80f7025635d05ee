-- Issue 15: a resident who scanned their own citizen ID card is asked about themselves ("Ông/bà đã
-- kích hoạt VNeID mức 2 chưa?") once a day. This notes that they answered today, so they are not
-- asked again: the person is the key attendance already counts by ('m:<tag under key version 1>:
-- <folded masked name>', docs/member-ids.md), never an ID number or a hash. The answer itself goes
-- only to the hub, in the member.declared event; rows of earlier days are deleted (kiosk-015).
CREATE TABLE member_answer (
  household_code TEXT NOT NULL,
  person         TEXT NOT NULL,
  claim          TEXT NOT NULL,   -- e.g. vneid.level2
  day            TEXT NOT NULL,   -- yyyy-MM-dd in the kiosk's time zone
  PRIMARY KEY (household_code, person, claim, day)
);
