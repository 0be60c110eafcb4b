-- Hallway's whole schema, designed up front from the domain words in
-- ARCHITECTURE.md so that later work adds behaviour rather than churn.
-- Conventions: instants are INTEGER Unix seconds (UTC); calendar dates in the
-- congress's own zone are TEXT 'YYYY-MM-DD'; enumerations are TEXT with a
-- CHECK; every user-facing row has created_at/updated_at. Migrations are
-- append-only: never edit this file once released, add 0002_… instead.

CREATE TABLE congresses (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    short_name  TEXT,
    series      TEXT    NOT NULL DEFAULT 'other'
                        CHECK (series IN ('ash', 'eha', 'iach', 'ebmt', 'other')),
    starts_on   TEXT    NOT NULL,
    ends_on     TEXT    NOT NULL CHECK (ends_on >= starts_on),
    time_zone   TEXT    NOT NULL,
    city        TEXT,
    venue       TEXT,
    website     TEXT,
    hashtags    TEXT    NOT NULL DEFAULT '',   -- space separated, each with its '#'
    notes       TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

-- One item of the program. `key` is the stable import key (UID, guid,
-- abstract number, or title+start+room) that re-imports update by.
CREATE TABLE sessions (
    id               INTEGER PRIMARY KEY,
    congress_id      INTEGER NOT NULL REFERENCES congresses(id) ON DELETE CASCADE,
    key              TEXT    NOT NULL,
    title            TEXT    NOT NULL,
    kind             TEXT    NOT NULL DEFAULT 'other'
                             CHECK (kind IN ('plenary', 'oral', 'poster', 'education', 'satellite',
                                             'social', 'break', 'other')),
    starts_at        INTEGER NOT NULL,
    ends_at          INTEGER NOT NULL CHECK (ends_at >= starts_at),
    all_day          INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
    room             TEXT,
    track            TEXT,
    abstract_number  TEXT,
    description      TEXT    NOT NULL DEFAULT '',
    url              TEXT,
    speakers         TEXT    NOT NULL DEFAULT '',  -- display copy of the linked persons, for lists and search
    search_folded    TEXT    NOT NULL DEFAULT '',  -- title and speakers in ASCII ("Ødegård" -> "Odegard") for search
    source_format    TEXT,                        -- ics, frab_xml, pretalx_json, csv, sample
    content_hash     TEXT,                        -- of the imported fields, to tell unchanged from updated
    withdrawn        INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
    attendance       TEXT    CHECK (attendance IN ('attending', 'maybe')),
    user_notes       TEXT    NOT NULL DEFAULT '',
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    UNIQUE (congress_id, key)
);
CREATE INDEX sessions_by_time ON sessions (congress_id, starts_at);
CREATE INDEX sessions_attending ON sessions (congress_id, attendance) WHERE attendance IS NOT NULL;

-- Anyone: contact, speaker, mentor. One row across all congresses.
CREATE TABLE people (
    id                INTEGER PRIMARY KEY,
    display_name      TEXT    NOT NULL CHECK (length(trim(display_name)) > 0),
    given_name        TEXT,
    family_name       TEXT,
    honorific         TEXT,     -- Dr, Prof
    credentials       TEXT,     -- MD, PhD
    institution       TEXT,
    position          TEXT,
    city              TEXT,
    country           TEXT,
    email             TEXT,     -- the primary one; all of them are in person_emails
    emails_text       TEXT    NOT NULL DEFAULT '',  -- every email, space separated, for search
    phone             TEXT,
    linkedin_url      TEXT,
    x_handle          TEXT,
    bluesky_handle    TEXT,
    orcid             TEXT,
    tags              TEXT    NOT NULL DEFAULT '',
    notes             TEXT    NOT NULL DEFAULT '',
    source            TEXT,     -- linkedin_csv, vcard, csv, program, manual
    name_key          TEXT    NOT NULL,  -- normalised name (lower case, no accents or titles) for matching
    merged_into       INTEGER REFERENCES people(id) ON DELETE SET NULL,
    deleted_at        INTEGER,  -- soft delete, so a delete can be undone
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX people_by_name_key ON people (name_key);
CREATE INDEX people_by_email ON people (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX people_by_linkedin ON people (linkedin_url) WHERE linkedin_url IS NOT NULL;
-- The alphabetical People list pages through this without sorting.
CREATE INDEX people_alpha ON people (display_name COLLATE NOCASE, id) WHERE deleted_at IS NULL AND merged_into IS NULL;

CREATE TABLE person_emails (
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    email      TEXT    NOT NULL,
    PRIMARY KEY (person_id, email)
);
CREATE INDEX person_emails_by_email ON person_emails (lower(email));

-- Who speaks at, chairs or authored a session.
CREATE TABLE session_people (
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role        TEXT    NOT NULL DEFAULT 'speaker' CHECK (role IN ('speaker', 'chair', 'author')),
    position    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, person_id, role)
);
CREATE INDEX session_people_by_person ON session_people (person_id);

CREATE TABLE pitches (
    id                INTEGER PRIMARY KEY,
    congress_id       INTEGER REFERENCES congresses(id) ON DELETE CASCADE,  -- NULL: for any congress
    audience          TEXT    NOT NULL DEFAULT 'other'
                              CHECK (audience IN ('mentor', 'collaborator', 'industry', 'committee', 'peer', 'other')),
    title             TEXT    NOT NULL,
    body              TEXT    NOT NULL DEFAULT '',
    target_seconds    INTEGER NOT NULL DEFAULT 60 CHECK (target_seconds > 0),
    words_per_minute  INTEGER NOT NULL DEFAULT 130 CHECK (words_per_minute > 0),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);

-- A person I want to meet at one congress.
CREATE TABLE targets (
    id             INTEGER PRIMARY KEY,
    congress_id    INTEGER NOT NULL REFERENCES congresses(id) ON DELETE CASCADE,
    person_id      INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    priority       TEXT    NOT NULL DEFAULT 'should' CHECK (priority IN ('must', 'should', 'nice')),
    why            TEXT    NOT NULL DEFAULT 'other'
                           CHECK (why IN ('mentor', 'collaborator', 'peer', 'industry', 'cooperative_group',
                                          'speaker', 'other')),
    status         TEXT    NOT NULL DEFAULT 'idea'
                           CHECK (status IN ('idea', 'contacted', 'scheduled', 'met', 'followed_up', 'declined')),
    reason         TEXT    NOT NULL DEFAULT '',
    pitch_id       INTEGER REFERENCES pitches(id) ON DELETE SET NULL,
    snoozed_until  INTEGER,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    UNIQUE (congress_id, person_id)
);
CREATE INDEX targets_by_person ON targets (person_id);

-- A slot with one or more people. `uid` and `sequence` make calendar
-- exports update the same event instead of duplicating it.
CREATE TABLE meetings (
    id           INTEGER PRIMARY KEY,
    congress_id  INTEGER NOT NULL REFERENCES congresses(id) ON DELETE CASCADE,
    title        TEXT    NOT NULL,
    purpose      TEXT    NOT NULL DEFAULT '',
    place        TEXT    NOT NULL DEFAULT '',
    kind         TEXT    NOT NULL DEFAULT 'one_to_one'
                         CHECK (kind IN ('one_to_one', 'coffee', 'meal', 'reception', 'group')),
    status       TEXT    NOT NULL DEFAULT 'proposed'
                         CHECK (status IN ('proposed', 'confirmed', 'done', 'cancelled')),
    starts_at    INTEGER NOT NULL,
    ends_at      INTEGER NOT NULL CHECK (ends_at > starts_at),
    notes        TEXT    NOT NULL DEFAULT '',
    remind_at    INTEGER,
    uid          TEXT    NOT NULL UNIQUE,
    sequence     INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX meetings_by_time ON meetings (congress_id, starts_at);

CREATE TABLE meeting_people (
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX meeting_people_by_person ON meeting_people (person_id);

-- A measurable aim for one congress. `rule` says how progress is computed
-- from the data; `rule_params` (JSON) narrows it (why=mentor, a keyword...).
CREATE TABLE goals (
    id              INTEGER PRIMARY KEY,
    congress_id     INTEGER NOT NULL REFERENCES congresses(id) ON DELETE CASCADE,
    title           TEXT    NOT NULL,
    rule            TEXT    NOT NULL DEFAULT 'manual'
                            CHECK (rule IN ('manual', 'targets_met', 'sessions_attended', 'meetings_done',
                                            'follow_ups_done', 'interactions_logged')),
    rule_params     TEXT    NOT NULL DEFAULT '{}',
    target_count    INTEGER NOT NULL DEFAULT 1 CHECK (target_count > 0),
    manual_count    INTEGER NOT NULL DEFAULT 0,
    due_at          INTEGER,
    position        INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);

-- A dated note on a person, optionally tied to a congress.
CREATE TABLE interactions (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    congress_id  INTEGER REFERENCES congresses(id) ON DELETE SET NULL,
    meeting_id   INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    occurred_at  INTEGER NOT NULL,
    note         TEXT    NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX interactions_by_person ON interactions (person_id, occurred_at);

-- What I owe someone after we met.
CREATE TABLE follow_ups (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    congress_id     INTEGER REFERENCES congresses(id) ON DELETE SET NULL,
    meeting_id      INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    interaction_id  INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
    due_at          INTEGER NOT NULL,
    channel         TEXT    NOT NULL DEFAULT 'email'
                            CHECK (channel IN ('email', 'linkedin', 'x', 'bluesky', 'in_person', 'other')),
    draft           TEXT    NOT NULL DEFAULT '',
    status          TEXT    NOT NULL DEFAULT 'owed' CHECK (status IN ('owed', 'done', 'dropped')),
    done_at         INTEGER,
    remind_at       INTEGER,
    uid             TEXT    NOT NULL UNIQUE,
    sequence        INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX follow_ups_owed ON follow_ups (status, due_at);

-- Small key/value settings; values are JSON.
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- Full-text search. External-content tables kept in step by triggers;
-- diacritics removed so "Sanchez" finds "Sánchez". Prefix indexes only
-- where measured to pay: on 50,000 people the first keystrokes of
-- search-as-you-type ("s*") count matches in 0.3 ms instead of 5 ms; on an
-- ASH-scale program they tripled the index build (48 -> 148 ms for 9,000
-- sessions) and made its prefix queries no faster.
-- Names are indexed once, as name_key (ASCII, titles dropped, words sorted);
-- the typed query is folded the same way.
CREATE VIRTUAL TABLE people_fts USING fts5(
    name_key, institution, emails_text, position, city, country, tags, notes,
    content = 'people', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2'
);
CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
    INSERT INTO people_fts (rowid, name_key, institution, emails_text, position, city, country, tags, notes)
    VALUES (new.id, new.name_key, new.institution, new.emails_text, new.position, new.city, new.country,
            new.tags, new.notes);
END;
CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
    INSERT INTO people_fts (people_fts, rowid, name_key, institution, emails_text, position, city, country, tags, notes)
    VALUES ('delete', old.id, old.name_key, old.institution, old.emails_text, old.position, old.city, old.country,
            old.tags, old.notes);
END;
CREATE TRIGGER people_fts_update AFTER UPDATE OF name_key, institution, emails_text, position, city, country, tags, notes
    ON people BEGIN
    INSERT INTO people_fts (people_fts, rowid, name_key, institution, emails_text, position, city, country, tags, notes)
    VALUES ('delete', old.id, old.name_key, old.institution, old.emails_text, old.position, old.city, old.country,
            old.tags, old.notes);
    INSERT INTO people_fts (rowid, name_key, institution, emails_text, position, city, country, tags, notes)
    VALUES (new.id, new.name_key, new.institution, new.emails_text, new.position, new.city, new.country,
            new.tags, new.notes);
END;

CREATE VIRTUAL TABLE sessions_fts USING fts5(
    title, speakers, search_folded, track, room, abstract_number, description,
    content = 'sessions', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sessions_fts_insert AFTER INSERT ON sessions BEGIN
    INSERT INTO sessions_fts (rowid, title, speakers, search_folded, track, room, abstract_number, description)
    VALUES (new.id, new.title, new.speakers, new.search_folded, new.track, new.room, new.abstract_number, new.description);
END;
CREATE TRIGGER sessions_fts_delete AFTER DELETE ON sessions BEGIN
    INSERT INTO sessions_fts (sessions_fts, rowid, title, speakers, search_folded, track, room, abstract_number, description)
    VALUES ('delete', old.id, old.title, old.speakers, old.search_folded, old.track, old.room, old.abstract_number, old.description);
END;
CREATE TRIGGER sessions_fts_update AFTER UPDATE OF title, speakers, search_folded, track, room, abstract_number, description
    ON sessions BEGIN
    INSERT INTO sessions_fts (sessions_fts, rowid, title, speakers, search_folded, track, room, abstract_number, description)
    VALUES ('delete', old.id, old.title, old.speakers, old.search_folded, old.track, old.room, old.abstract_number, old.description);
    INSERT INTO sessions_fts (rowid, title, speakers, search_folded, track, room, abstract_number, description)
    VALUES (new.id, new.title, new.speakers, new.search_folded, new.track, new.room, new.abstract_number, new.description);
END;
