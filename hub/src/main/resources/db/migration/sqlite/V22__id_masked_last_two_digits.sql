-- Issue 10.1: the masked ID number keeps only its last 2 digits (**********45). The old form
-- (0521******45) showed the first 4 as well, leaving 10^6 candidates to try against a member hash.
-- Portable SQL (SQLite and PostgreSQL): every stored value is 12 characters.
UPDATE member
SET id_masked = '**********' || substr(id_masked, length(id_masked) - 1, 2)
WHERE id_masked IS NOT NULL;
