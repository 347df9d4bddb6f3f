-- Records found by when they were made: an import finds the records a store
-- already holds by their time (an import of the same file twice changes
-- nothing), and `export --since` starts where its time does. Without these,
-- each lookup read a whole integration's history: quadratic over 1M records.
CREATE INDEX artifacts_by_time ON artifacts (integration_id, created_at);
CREATE INDEX bucket_events_by_time ON bucket_events (integration_id, created_at);
CREATE INDEX promotions_by_time ON promotions (integration_id, created_at);
CREATE INDEX audit_events_by_time ON audit_events (created_at);

-- An import writes many moves in one transaction, often into one bucket. On
-- PostgreSQL each head update there leaves a row version that the next one
-- steps over, so a million moves would take quadratic time; an import sets
-- facetctl.importing for its transaction and sets each head once, after its
-- moves. (SQLite updates the row in place, so its trigger stays as it is.)
CREATE OR REPLACE FUNCTION bucket_head_follows_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('facetctl.importing', true) = 'on' THEN
        RETURN NULL;
    END IF;
    INSERT INTO buckets (integration_id, bucket, current_artifact_id)
    VALUES (NEW.integration_id, NEW.bucket, NEW.artifact_id)
    ON CONFLICT (integration_id, bucket) DO UPDATE SET current_artifact_id = excluded.current_artifact_id;
    RETURN NULL;
END;
$$;
