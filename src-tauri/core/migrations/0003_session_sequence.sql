-- Calendar exports give each session on the agenda a SEQUENCE (RFC 5545
-- §3.8.7.4) that must rise whenever its time, room or title changes, so a
-- calendar updates the event instead of keeping the old one. Program
-- re-imports bump it when they move, rename, re-room or withdraw a session.
ALTER TABLE sessions ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
