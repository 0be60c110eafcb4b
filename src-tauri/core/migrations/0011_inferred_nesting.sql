-- Nesting inferred where a program gives no links (issue 17): a talk lying
-- wholly inside a longer item of the same room is placed in it, and the
-- link is marked as inferred, so that it can be told apart from one the
-- file gave, taken out again when the user switches inference off, and
-- never put in place of an explicit link. (0010 is another change's.)

-- 1: `parent_id` was inferred by Hallway, not given by the file.
ALTER TABLE sessions ADD COLUMN parent_inferred INTEGER NOT NULL DEFAULT 0;
-- The congress's switch: infer nesting where its program gives no links (1, the default) or not (0).
ALTER TABLE congresses ADD COLUMN infer_nesting INTEGER NOT NULL DEFAULT 1;
