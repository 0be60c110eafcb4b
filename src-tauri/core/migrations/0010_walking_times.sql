-- Leave in time (issue 17): how long the walk is at a congress's venue
-- (replacing Settings' buffer for that congress) and, where the user knows
-- it, between two of its rooms (either way round: room_a sorts first).
ALTER TABLE congresses ADD COLUMN walk_minutes INTEGER CHECK (walk_minutes BETWEEN 0 AND 120);

CREATE TABLE walking_times (
    congress_id INTEGER NOT NULL REFERENCES congresses(id) ON DELETE CASCADE,
    room_a      TEXT    NOT NULL,
    room_b      TEXT    NOT NULL,
    minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 120),
    PRIMARY KEY (congress_id, room_a, room_b),
    CHECK (room_a < room_b)
) WITHOUT ROWID;
