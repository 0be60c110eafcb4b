-- Where each person came from in the contacts files the user imported, so
-- that importing the same file again finds them instead of adding them
-- twice. Most phone contacts have no email, institution or LinkedIn address
-- to match on; their card's UID, or a digest of the card or CSV row when it
-- has no UID, still says "this is the one imported last time". A key may
-- point at more than one person (the first was deleted, the card imported
-- again); matching only looks at people who are still live.
CREATE TABLE person_sources (
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    key        TEXT    NOT NULL,  -- '<format>:uid:<vCard UID>' or '<format>:digest:<uuid of the content>'
    created_at INTEGER NOT NULL,
    PRIMARY KEY (key, person_id)
);
CREATE INDEX person_sources_by_person ON person_sources (person_id);

-- Middle names (vCard N's additional names, a CSV's "Middle Name"), kept
-- apart so an exported card writes them back where they came from.
ALTER TABLE people ADD COLUMN middle_name TEXT;
