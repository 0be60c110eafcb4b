-- Sync with the user's own CalDAV/CardDAV server (issue 16). What the
-- server has of the plan is remembered here, so that a sync sends only what
-- changed, with the ETag the server gave (If-Match), and can tell a change
-- made on the phone from one made in Hallway. The password is never stored
-- here: it lives in the operating system's keychain.

-- The server account: where discovery found the user's calendars and
-- address books. One per server and user name.
CREATE TABLE dav_accounts (
    id                INTEGER PRIMARY KEY,
    server_url        TEXT    NOT NULL,
    username          TEXT    NOT NULL,
    principal         TEXT    NOT NULL,
    calendar_home     TEXT    NOT NULL,
    addressbook_home  TEXT,             -- NULL: the server has no CardDAV
    created_at        INTEGER NOT NULL,
    UNIQUE (server_url, username)
);

-- Which calendar a congress syncs to, and how far the last pull got.
CREATE TABLE dav_calendars (
    congress_id       INTEGER PRIMARY KEY REFERENCES congresses(id) ON DELETE CASCADE,
    account_id        INTEGER NOT NULL REFERENCES dav_accounts(id) ON DELETE CASCADE,
    href              TEXT    NOT NULL,  -- the collection, an absolute path on the server
    created_by_hallway INTEGER NOT NULL DEFAULT 0,
    sync_token        TEXT,              -- RFC 6578; NULL: next pull lists every ETag
    last_synced_at    INTEGER,
    last_error        TEXT
);

-- One calendar item Hallway wrote, by its UID (the same UID as the export's,
-- so a calendar that imported an earlier file gets updates, not copies).
-- `pushed_hash` is a digest of the text last sent: the item changed in
-- Hallway when today's text digests differently. `etag` is the server's
-- version of what it holds: the item changed on the server when a pull
-- reports another one. An item is only ever stored with an ETag.
CREATE TABLE dav_items (
    id                INTEGER PRIMARY KEY,
    congress_id       INTEGER NOT NULL REFERENCES congresses(id) ON DELETE CASCADE,
    uid               TEXT    NOT NULL,
    kind              TEXT    NOT NULL CHECK (kind IN ('meeting', 'session', 'follow_up')),
    href              TEXT    NOT NULL,
    etag              TEXT    NOT NULL,
    pushed_hash       TEXT    NOT NULL,
    synced_at         INTEGER NOT NULL,
    UNIQUE (congress_id, uid),
    UNIQUE (congress_id, href)
);

-- A meeting changed on both sides since the last sync: both versions are
-- kept until the user picks one, so neither edit is lost.
CREATE TABLE dav_conflicts (
    id                INTEGER PRIMARY KEY,
    congress_id       INTEGER NOT NULL REFERENCES congresses(id) ON DELETE CASCADE,
    uid               TEXT    NOT NULL,
    href              TEXT    NOT NULL,
    local_text        TEXT    NOT NULL,
    server_text       TEXT,              -- NULL: deleted on the server
    server_etag       TEXT,
    found_at          INTEGER NOT NULL,
    UNIQUE (congress_id, uid)
);
