-- Sync, second part (issue 16): what the user chose to sync per congress,
-- the contacts (CardDAV) address book, and what the phone added to an item
-- that Hallway must keep when it writes the item again.

-- Per congress: what goes to its calendar (the defaults are what the first
-- sync did), a reminder before each item, cancellations kept on the
-- calendar as STATUS:CANCELLED instead of removed, and whether it syncs by
-- itself after each change and at start.
ALTER TABLE dav_calendars ADD COLUMN meetings      INTEGER NOT NULL DEFAULT 1;
ALTER TABLE dav_calendars ADD COLUMN sessions      INTEGER NOT NULL DEFAULT 1;
ALTER TABLE dav_calendars ADD COLUMN maybes        INTEGER NOT NULL DEFAULT 1;
ALTER TABLE dav_calendars ADD COLUMN follow_ups    INTEGER NOT NULL DEFAULT 1;
ALTER TABLE dav_calendars ADD COLUMN cancelled     INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dav_calendars ADD COLUMN alarm_minutes INTEGER;          -- NULL: no reminder
ALTER TABLE dav_calendars ADD COLUMN auto          INTEGER NOT NULL DEFAULT 1;

-- The server's lines of an item that Hallway does not write (a VALARM the
-- phone added, X- properties, a category): read whenever Hallway reads the
-- server's copy, and put back into every text Hallway writes for it.
ALTER TABLE dav_items ADD COLUMN kept TEXT;

-- Contacts: one address book per account ("Hallway"), holding the targets
-- of the congresses that sync (or everyone).
ALTER TABLE dav_accounts ADD COLUMN addressbook_href TEXT;
ALTER TABLE dav_accounts ADD COLUMN contacts TEXT NOT NULL DEFAULT 'targets'
    CHECK (contacts IN ('off', 'targets', 'everyone'));
ALTER TABLE dav_accounts ADD COLUMN contacts_token TEXT;

-- One card Hallway wrote, as dav_items is for calendar items.
CREATE TABLE dav_cards (
    id                INTEGER PRIMARY KEY,
    account_id        INTEGER NOT NULL REFERENCES dav_accounts(id) ON DELETE CASCADE,
    uid               TEXT    NOT NULL,
    href              TEXT    NOT NULL,
    etag              TEXT    NOT NULL,
    pushed_hash       TEXT    NOT NULL,
    kept              TEXT,
    synced_at         INTEGER NOT NULL,
    UNIQUE (account_id, uid),
    UNIQUE (account_id, href)
);
