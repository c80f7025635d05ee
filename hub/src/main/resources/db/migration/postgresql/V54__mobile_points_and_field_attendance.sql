-- Issue 15: mobile points and attendance taken on the phone. A mobile point (điểm lưu động)
-- moves from village to village: each of its sessions names its place. A team member's phone
-- check-in is a field record of kind 'attendance' naming its session; the hub files it in the
-- same attendance table as kiosk check-ins (one person once per session). SQLite has the same in
-- its own V54 (a rebuilt table there).
ALTER TABLE support_point ADD COLUMN mobile INTEGER NOT NULL DEFAULT 0;
ALTER TABLE field_record DROP CONSTRAINT field_record_kind_check;
ALTER TABLE field_record ADD CONSTRAINT field_record_kind_check
  CHECK (kind IN ('home-visit', 'criterion-verified', 'vneid-verified', 'attendance'));
ALTER TABLE field_record ADD COLUMN session_id TEXT;
