-- Records found by when they were made: an import finds the records a store
-- already holds by their time (an import of the same file twice changes
-- nothing), and `export --since` starts where its time does. Without these,
-- each lookup read a whole integration's history: quadratic over 1M records.
CREATE INDEX artifacts_by_time ON artifacts (integration_id, created_at);
CREATE INDEX bucket_events_by_time ON bucket_events (integration_id, created_at);
CREATE INDEX promotions_by_time ON promotions (integration_id, created_at);
CREATE INDEX audit_events_by_time ON audit_events (created_at);
