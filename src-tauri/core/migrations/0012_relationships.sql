-- Between congresses: relationships that last (check-ins, introductions,
-- value given, reconnect). See docs/relationships.md. (0010 and 0011 are
-- other changes'.)

-- How each interaction happened, and on which calendar day. The day is
-- stored as the user gave it ('YYYY-MM-DD'), so no time zone can move a
-- contact logged on 5 December to the 4th or the 6th. Existing notes made at
-- a congress or a meeting were conversations there ('met'); the others stay
-- plain notes. Their day is filled in when the database is next opened
-- (`relations::contacts::fill_days`: the congress's zone, else the user's),
-- which SQL alone cannot do.
ALTER TABLE interactions ADD COLUMN kind TEXT NOT NULL DEFAULT 'note'
    CHECK (kind IN ('note', 'met', 'email', 'call', 'video', 'message'));
ALTER TABLE interactions ADD COLUMN on_day TEXT;
UPDATE interactions SET kind = 'met' WHERE congress_id IS NOT NULL OR meeting_id IS NOT NULL;
-- A writer that gives no day (an older build sharing the file) gets the UTC one.
CREATE TRIGGER interactions_day AFTER INSERT ON interactions WHEN new.on_day IS NULL BEGIN
    UPDATE interactions SET on_day = date(new.occurred_at, 'unixepoch') WHERE id = new.id;
END;
-- Last contact per person as of a day: one seek per person.
CREATE INDEX interactions_by_day ON interactions (person_id, on_day);
-- Who was met at a congress (reconnect at the next one).
CREATE INDEX interactions_by_congress ON interactions (congress_id, person_id) WHERE congress_id IS NOT NULL;
-- The rows still waiting for their day, found without a scan at every open.
CREATE INDEX interactions_without_day ON interactions (id) WHERE on_day IS NULL;

-- Each person's latest interaction day, kept by triggers: the check-ins
-- list reads it for thousands of people at once, one lookup each in this
-- small table rather than a seek into the interactions index (measured:
-- 4,500 people, 10 ms down to 5). Derived data: it can always be rebuilt
-- from `interactions`.
CREATE TABLE last_interactions (
    person_id  INTEGER PRIMARY KEY,
    on_day     TEXT    NOT NULL
);
CREATE TRIGGER last_interactions_insert AFTER INSERT ON interactions WHEN new.on_day IS NOT NULL BEGIN
    INSERT INTO last_interactions (person_id, on_day) VALUES (new.person_id, new.on_day)
        ON CONFLICT (person_id) DO UPDATE SET on_day = max(on_day, excluded.on_day);
END;
CREATE TRIGGER last_interactions_update AFTER UPDATE OF person_id, on_day ON interactions BEGIN
    DELETE FROM last_interactions WHERE person_id IN (old.person_id, new.person_id);
    INSERT INTO last_interactions (person_id, on_day)
        SELECT person_id, max(on_day) FROM interactions
        WHERE person_id IN (old.person_id, new.person_id) AND on_day IS NOT NULL GROUP BY person_id;
END;
CREATE TRIGGER last_interactions_delete AFTER DELETE ON interactions BEGIN
    DELETE FROM last_interactions WHERE person_id = old.person_id;
    INSERT INTO last_interactions (person_id, on_day)
        SELECT person_id, max(on_day) FROM interactions
        WHERE person_id = old.person_id AND on_day IS NOT NULL GROUP BY person_id;
END;

-- Follow-ups done count as contact: the latest per person.
CREATE INDEX follow_ups_done_by_person ON follow_ups (person_id, done_at) WHERE status = 'done';
-- Everyone with a relationship (mentors, collaborators…) for a group cadence.
CREATE INDEX targets_by_why ON targets (why, person_id);

-- Keep in touch: how often I want contact with one person, or with a group
-- of people (a tag, or a relationship: the "why" of any of their targets).
-- A person's own cadence wins over their groups'; 'off' on a person stops
-- check-ins for them whatever their groups say. `set_on` is the day it was
-- set: with no contact ever, the clock starts then.
CREATE TABLE cadences (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER REFERENCES people(id) ON DELETE CASCADE,
    tag         TEXT,
    why         TEXT CHECK (why IN ('mentor', 'collaborator', 'peer', 'industry', 'cooperative_group',
                                    'speaker', 'other')),
    every       INTEGER NOT NULL CHECK (every >= 0),
    unit        TEXT    NOT NULL CHECK (unit IN ('day', 'week', 'month', 'off')),
    set_on      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    CHECK ((person_id IS NOT NULL) + (tag IS NOT NULL) + (why IS NOT NULL) = 1),
    CHECK ((unit = 'off') = (every = 0)),
    CHECK (unit <> 'off' OR person_id IS NOT NULL)
);
CREATE UNIQUE INDEX cadences_by_person ON cadences (person_id) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX cadences_by_tag ON cadences (lower(tag)) WHERE tag IS NOT NULL;
CREATE UNIQUE INDEX cadences_by_why ON cadences (why) WHERE why IS NOT NULL;

-- A check-in put off until a day. It holds while no contact is logged on
-- or after the day it was set (`set_on`): a contact resets the check-in.
CREATE TABLE check_in_snoozes (
    person_id  INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    until      TEXT    NOT NULL,
    set_on     TEXT    NOT NULL
);

-- Check-ins already notified, one per person and due day, so the app shows
-- each once however often it asks and whenever it starts.
CREATE TABLE check_in_notices (
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    due_on     TEXT    NOT NULL,
    PRIMARY KEY (person_id, due_on)
) WITHOUT ROWID;

-- Introductions: mine (I introduce `person_id` to `to_person_id`: owed,
-- made or declined), and "met through" (`through_person_id` introduced me
-- to `person_id`). Both people see it on their page; deleting either
-- removes it.
CREATE TABLE introductions (
    id                 INTEGER PRIMARY KEY,
    person_id          INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    to_person_id       INTEGER REFERENCES people(id) ON DELETE CASCADE,
    through_person_id  INTEGER REFERENCES people(id) ON DELETE CASCADE,
    status             TEXT    NOT NULL DEFAULT 'owed' CHECK (status IN ('owed', 'made', 'declined')),
    note               TEXT    NOT NULL DEFAULT '',
    congress_id        INTEGER REFERENCES congresses(id) ON DELETE SET NULL,
    offered_on         TEXT    NOT NULL,
    closed_on          TEXT,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    CHECK ((to_person_id IS NULL) <> (through_person_id IS NULL)),
    CHECK (person_id IS NOT to_person_id AND person_id IS NOT through_person_id)
);
CREATE INDEX introductions_by_person ON introductions (person_id);
CREATE INDEX introductions_by_to ON introductions (to_person_id) WHERE to_person_id IS NOT NULL;
CREATE INDEX introductions_by_through ON introductions (through_person_id) WHERE through_person_id IS NOT NULL;
CREATE INDEX introductions_owed ON introductions (offered_on) WHERE status = 'owed';

-- Value given: what I shared with or did for someone, so that the next
-- message offers something new.
CREATE TABLE value_given (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL DEFAULT 'other'
                        CHECK (kind IN ('article', 'abstract', 'dataset', 'recommendation', 'invitation', 'other')),
    title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    url         TEXT,
    on_day      TEXT    NOT NULL,
    note        TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX value_given_by_person ON value_given (person_id, on_day);
