-- A program subscribed to by its address (issue 17): refreshed on demand
-- and at start, with conditional requests (ETag, Last-Modified) so an
-- unchanged program costs one short answer. Offline, the last copy stays.
CREATE TABLE program_subscriptions (
    congress_id   INTEGER PRIMARY KEY REFERENCES congresses(id) ON DELETE CASCADE,
    url           TEXT    NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    format        TEXT,              -- of the last copy imported, for a "not modified" report
    fetched_at    INTEGER,
    last_error    TEXT
);
