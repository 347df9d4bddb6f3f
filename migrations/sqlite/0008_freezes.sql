-- Freeze windows: times in which a bucket does not move, for one integration
-- or (integration_id NULL) for every integration's bucket of that name. The
-- window (a span, or a span of every week in a time zone) is JSON that
-- model::Window reads. A freeze that is ended stays, with who ended it.
CREATE TABLE freezes (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    integration_id INTEGER REFERENCES integrations (id) ON DELETE CASCADE,
    bucket         TEXT NOT NULL,
    window_spec    TEXT NOT NULL,
    reason         TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    ended_by       TEXT,
    ended_at       TEXT
);
CREATE INDEX freezes_in_force ON freezes (lower(bucket)) WHERE ended_at IS NULL;
