-- The program as congresses really are (issue 17): a talk belongs to the
-- session that holds it (an oral session's six talks, a poster session's
-- posters), and a poster stands on a numbered board ("I-123", "P1234").

-- The session this item belongs to; NULL for a session of its own. Cleared,
-- not cascaded, if that session goes: the talk stays in the program.
ALTER TABLE sessions ADD COLUMN parent_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL;
-- The poster board, as the program writes it.
ALTER TABLE sessions ADD COLUMN board TEXT;
CREATE INDEX sessions_by_parent ON sessions (parent_id) WHERE parent_id IS NOT NULL;
