-- A bucket's head is the artifact of its newest event, kept so by the
-- database: a move writes its event, and the head follows in the same
-- statement. One round trip fewer per move (the control-plane benchmark).
CREATE FUNCTION bucket_head_follows_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO buckets (integration_id, bucket, current_artifact_id)
    VALUES (NEW.integration_id, NEW.bucket, NEW.artifact_id)
    ON CONFLICT (integration_id, bucket) DO UPDATE SET current_artifact_id = excluded.current_artifact_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER bucket_head_follows_events AFTER INSERT ON bucket_events
    FOR EACH ROW EXECUTE FUNCTION bucket_head_follows_events();
