-- The control plane's records. Times are RFC 3339 UTC text with microseconds,
-- so text order is time order. Ids are integers; the API renders them as text.

CREATE TABLE release_streams (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    prod        INTEGER NOT NULL DEFAULT 0,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE environments (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name              TEXT NOT NULL UNIQUE,
    release_stream_id INTEGER NOT NULL REFERENCES release_streams (id),
    created_by        TEXT NOT NULL,
    created_at        TEXT NOT NULL
);

CREATE TABLE registries (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    uri        TEXT NOT NULL,
    insecure   INTEGER NOT NULL DEFAULT 0,
    username   TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE workflows (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name              TEXT NOT NULL UNIQUE,
    registration_type TEXT NOT NULL,
    stages            TEXT NOT NULL, -- JSON array, in order
    gates             TEXT NOT NULL, -- JSON array
    created_by        TEXT NOT NULL,
    created_at        TEXT NOT NULL
);

CREATE TABLE integrations (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name              TEXT NOT NULL UNIQUE,
    registration_type TEXT NOT NULL,
    registry_id       INTEGER NOT NULL REFERENCES registries (id),
    repository        TEXT NOT NULL,
    layout            TEXT NOT NULL,
    workflow_id       INTEGER REFERENCES workflows (id),
    created_by        TEXT NOT NULL,
    created_at        TEXT NOT NULL
);

CREATE TABLE artifacts (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    integration_id INTEGER NOT NULL REFERENCES integrations (id),
    bucket         TEXT NOT NULL,
    image_uri      TEXT NOT NULL,
    tag            TEXT NOT NULL,
    digest         TEXT NOT NULL,
    media_type     TEXT NOT NULL,
    external_id    TEXT,
    description    TEXT,
    metadata       TEXT NOT NULL DEFAULT '{}',
    promoted_from  INTEGER REFERENCES artifacts (id),
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    UNIQUE (integration_id, bucket, tag)
);
CREATE INDEX artifacts_by_digest ON artifacts (integration_id, bucket, digest);

-- The head of each bucket: what its moving tag points at.
CREATE TABLE buckets (
    integration_id      INTEGER NOT NULL REFERENCES integrations (id),
    bucket              TEXT NOT NULL,
    current_artifact_id INTEGER NOT NULL REFERENCES artifacts (id),
    PRIMARY KEY (integration_id, bucket)
);

-- Every change of a bucket's head, in order.
CREATE TABLE bucket_events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    integration_id INTEGER NOT NULL REFERENCES integrations (id),
    bucket         TEXT NOT NULL,
    kind           TEXT NOT NULL,
    artifact_id    INTEGER NOT NULL REFERENCES artifacts (id),
    from_bucket    TEXT,
    actor          TEXT NOT NULL,
    reason         TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX bucket_events_by_bucket ON bucket_events (integration_id, bucket, id);

CREATE TABLE promotions (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    integration_id     INTEGER NOT NULL REFERENCES integrations (id),
    artifact_id        INTEGER NOT NULL REFERENCES artifacts (id),
    target_artifact_id INTEGER REFERENCES artifacts (id),
    from_bucket        TEXT NOT NULL,
    to_bucket          TEXT NOT NULL,
    digest             TEXT NOT NULL,
    actor              TEXT NOT NULL,
    reason             TEXT,
    state              TEXT NOT NULL,
    forced             INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL
);

-- Leases that serialise writes into one bucket across processes and replicas.
CREATE TABLE bucket_locks (
    integration_id INTEGER NOT NULL,
    bucket         TEXT NOT NULL,
    token          TEXT NOT NULL,
    holder         TEXT NOT NULL,
    acquired_at    TEXT NOT NULL,
    expires_at_ms  INTEGER NOT NULL,
    PRIMARY KEY (integration_id, bucket)
);

CREATE TABLE audit_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    target     TEXT NOT NULL,
    details    TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_by_actor ON audit_events (actor, id);

CREATE TRIGGER audit_events_append_only_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
