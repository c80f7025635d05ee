-- A stolen kiosk must give up no ID number (docs/member-ids.md): the roster keeps a 14-bit tag of
-- each member's hash and the folded masked name, never the 64-hex hash; events carry the hash only
-- sealed to the hub. This removes every full hash an older kiosk stored. (Written as V28 on its
-- own branch; renumbered V5 on merging, after V3 quarantine and V4 revoked cards.)

-- Deleted rows are overwritten, not left in free pages of the file.
PRAGMA secure_delete = ON;

DROP TABLE member;
CREATE TABLE member (
  household_code TEXT NOT NULL,
  key_version    INTEGER NOT NULL,
  id_tag         INTEGER NOT NULL CHECK (id_tag BETWEEN 0 AND 16383),
  name_key       TEXT NOT NULL,   -- MemberNames.fold(displayName)
  display_name   TEXT
);
CREATE INDEX member_tag ON member(id_tag, name_key);
CREATE INDEX member_household ON member(household_code);

-- Households were stored as the hub sent them, members' idHash included: drop those fields and
-- sync everything again from the start (the roster's tags come with it).
UPDATE household SET json = json_set(json, '$.members',
    (SELECT json_group_array(json(json_remove(value, '$.idHash'))) FROM json_each(household.json, '$.members')))
  WHERE json_type(json, '$.members') = 'array';
DELETE FROM setting WHERE name = 'syncCursor';

-- Events not yet sent lose their plain member hash (the hub still gets the event); kiosks from
-- this version on seal it to the hub instead.
UPDATE outbox SET payload = json_remove(payload, '$.memberHash') WHERE json_type(payload, '$.memberHash') IS NOT NULL;
UPDATE quarantine SET payload = json_remove(payload, '$.memberHash') WHERE json_type(payload, '$.memberHash') IS NOT NULL;

-- Attendance counted a person by 'm:' || hash; keep the count, drop the hash.
UPDATE attendance SET person = 'legacy:' || rowid WHERE person LIKE 'm:%';
