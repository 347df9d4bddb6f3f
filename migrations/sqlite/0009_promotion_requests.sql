-- Promotion requests: a promotion into a gated stage, pinned to the source
-- artifact (and so its digest) when asked, waiting for approvals by people
-- other than the requester. The state moves awaiting-approval -> approved ->
-- executing -> done (or failed, retried by another approval), or ends
-- rejected, cancelled or expired. "executing" is taken by one runner only.
CREATE TABLE promotion_requests (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    integration_id INTEGER NOT NULL REFERENCES integrations (id),
    from_bucket    TEXT NOT NULL,
    to_bucket      TEXT NOT NULL,
    artifact_id    INTEGER NOT NULL REFERENCES artifacts (id),
    reason         TEXT,
    requested_by   TEXT NOT NULL,
    state          TEXT NOT NULL,
    needed         INTEGER NOT NULL,
    decided_by     TEXT,
    decision       TEXT,
    claimed_by     TEXT,
    claimed_at     TEXT,
    promotion_id   INTEGER REFERENCES promotions (id),
    created_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL
);
CREATE INDEX promotion_requests_by_state ON promotion_requests (state, id);

CREATE TABLE request_approvals (
    request_id INTEGER NOT NULL REFERENCES promotion_requests (id),
    approver   TEXT NOT NULL,
    reason     TEXT,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX request_approvals_once ON request_approvals (request_id, lower(approver));

-- Who approved the move an event records, when it ran a promotion request (JSON list).
ALTER TABLE bucket_events ADD COLUMN approved_by TEXT;
