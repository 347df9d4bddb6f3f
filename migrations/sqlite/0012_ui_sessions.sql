-- Signed-in browser sessions of the dashboard. Only the SHA-256 of the
-- session cookie is kept; each session has its own CSRF token for its forms.
-- A session ends at sign-out, at its expiry, or when its user is revoked.
CREATE TABLE ui_sessions (
    id_hash       TEXT PRIMARY KEY,
    user_name     TEXT NOT NULL,
    csrf          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    expires_at_ms INTEGER NOT NULL
);
