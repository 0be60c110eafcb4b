-- Reconnect at the next congress reads, for the hundreds of people met at
-- earlier ones, what was said there and their parts in the new program.
-- Both indexes now hold every column those reads need, so neither reads a
-- row of the large tables behind them (200,000 interactions and 70,000
-- program parts in `make bench`, whose rows were read a random page each).

-- Conversations at congresses: who, when, which day, how, the meeting, the note.
DROP INDEX interactions_by_congress;
CREATE INDEX interactions_by_congress ON interactions (congress_id, person_id, occurred_at, on_day, kind, meeting_id, note)
    WHERE congress_id IS NOT NULL;

-- A person's parts in programs: the session and the role with the person.
DROP INDEX session_people_by_person;
CREATE INDEX session_people_by_person ON session_people (person_id, session_id, role);
