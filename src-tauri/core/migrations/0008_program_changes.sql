-- What changed for me (issue 17): after a re-import, the changes that touch
-- the user's plan (a session attended or marked maybe that moved, changed
-- room or title, or was withdrawn; a new talk by a target), kept until seen.
CREATE TABLE program_changes (
    id          INTEGER PRIMARY KEY,
    congress_id INTEGER NOT NULL REFERENCES congresses(id) ON DELETE CASCADE,
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('moved', 'room', 'retitled', 'withdrawn', 'new_target_talk', 'meeting_clash')),
    before      TEXT,
    after       TEXT,
    found_at    INTEGER NOT NULL,
    seen_at     INTEGER
);
-- One unseen change per session and kind: a later import updates its "after".
CREATE UNIQUE INDEX program_changes_unseen ON program_changes (session_id, kind) WHERE seen_at IS NULL;
CREATE INDEX program_changes_by_congress ON program_changes (congress_id, seen_at);
