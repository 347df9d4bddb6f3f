-- A release: many integrations promoted together. Each move is its own
-- promotion, and the release id they share finds them again.
ALTER TABLE promotions ADD COLUMN release_id TEXT;
CREATE INDEX promotions_by_release ON promotions (release_id);
