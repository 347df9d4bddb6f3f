-- A bucket may live in another registry than its integration's (production in
-- a separate account, say). One row per bucket that does; every other bucket
-- is in the integration's own registry. The bucket keeps the spelling it is
-- known by; a bucket that holds artifacts keeps its registry (its history is there).
CREATE TABLE bucket_registries (
    integration_id BIGINT NOT NULL REFERENCES integrations (id),
    bucket         TEXT NOT NULL,
    registry_id    BIGINT NOT NULL REFERENCES registries (id),
    PRIMARY KEY (integration_id, bucket)
);
CREATE INDEX bucket_registries_by_registry ON bucket_registries (registry_id);
