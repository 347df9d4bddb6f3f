//! The dashboard's browser sessions, as stored: a random cookie value whose
//! SHA-256 alone is kept, the user it signs in, and that session's CSRF
//! token. A session is only as good as its user: a revoked user's sessions
//! stop working at once.

use sqlx::Row;

use super::users::{User, hash, random_hex};
use super::{Store, now};
use crate::error::{Error, Result};

/// How long a session lasts without signing in again.
pub const LIFETIME: std::time::Duration = std::time::Duration::from_secs(12 * 60 * 60);

/// A signed-in session: who, and the token its forms must carry.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub csrf: String,
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Starts a session for `user`: the cookie value (given to the browser, never stored) and the session.
pub async fn start(store: &Store, user: User) -> Result<(String, Session)> {
    let cookie = random_hex()?;
    let csrf = random_hex()?;
    let expires = now_ms() + i64::try_from(LIFETIME.as_millis()).unwrap_or(i64::MAX);
    // Sessions past their time go as new ones start, so the table stays the size of its users' use.
    sqlx::query("DELETE FROM ui_sessions WHERE expires_at_ms < $1").bind(now_ms()).execute(&store.pool).await?;
    sqlx::query(
        "INSERT INTO ui_sessions (id_hash, user_name, csrf, created_at, expires_at_ms) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash(&cookie))
    .bind(&user.name)
    .bind(&csrf)
    .bind(now())
    .bind(expires)
    .execute(&store.pool)
    .await?;
    Ok((cookie, Session { user, csrf }))
}

/// The session a cookie value names, while it lasts and its user is not revoked.
pub async fn find(store: &Store, cookie: &str) -> Result<Option<Session>> {
    let row = sqlx::query(
        "SELECT u.name, u.role, s.csrf FROM ui_sessions s JOIN users u ON lower(u.name) = lower(s.user_name)
         WHERE s.id_hash = $1 AND s.expires_at_ms > $2 AND u.revoked_at IS NULL",
    )
    .bind(hash(cookie))
    .bind(now_ms())
    .fetch_optional(&store.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let role = row
        .get::<String, _>("role")
        .parse()
        .map_err(|e: crate::model::InvalidInput| Error::storage("a user's role in the database", e))?;
    Ok(Some(Session { user: User { name: row.get("name"), role }, csrf: row.get("csrf") }))
}

/// Ends the session a cookie value names (signing out).
pub async fn end(store: &Store, cookie: &str) -> Result<()> {
    sqlx::query("DELETE FROM ui_sessions WHERE id_hash = $1").bind(hash(cookie)).execute(&store.pool).await?;
    Ok(())
}
