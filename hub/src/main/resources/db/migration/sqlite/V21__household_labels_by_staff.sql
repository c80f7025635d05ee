-- Groups and flags a staff member set on the dashboard are kept when the commune's roster CSV is
-- imported again (unless the import is told to take the file's: --labels-from-csv). Households
-- whose labels staff changed before this migration are found in the audit log.
ALTER TABLE household ADD COLUMN labels_by_staff INTEGER NOT NULL DEFAULT 0;

UPDATE household SET labels_by_staff = 1
WHERE code IN (SELECT subject FROM audit_log WHERE action = 'household.labels');
