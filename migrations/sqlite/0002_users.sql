-- The server's users: a name, a role, and the SHA-256 of a personal access
-- token (a 256-bit random secret, so a fast hash is enough; the token
-- itself is shown once and never stored).
CREATE TABLE users (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);
