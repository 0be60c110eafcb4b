-- The program's coffee and lunch breaks are read on every slot search;
-- without this, each read walked all 9,000 rows of an ASH-scale program.
-- (The agenda already has sessions_attending.)
CREATE INDEX sessions_breaks ON sessions (congress_id) WHERE kind = 'break';
