//! The server's users and their personal access tokens, as stored. A token
//! is 256 random bits shown once; only its SHA-256 is stored, and the
//! comparison takes the same time whatever the bytes.

use sha2::{Digest as _, Sha256};
use sqlx::Row;

use super::audit::{self, AuditEntry};
use super::{Store, now};
use crate::error::{Error, Hint, Result};
use crate::model::{AuditAction, Role, validate_user_name};

#[derive(Debug, Clone)]
pub struct User {
    pub name: String,
    pub role: Role,
}

/// Adds a user and returns their new token, which is never stored.
pub async fn add(store: &Store, name: &str, role: Role, created_by: &str) -> Result<String> {
    validate_user_name(name)?;
    let token = new_token()?;
    let mut tx = store.begin_write().await?;
    sqlx::query("INSERT INTO users (name, role, token_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(name)
        .bind(role.as_str())
        .bind(hash(&token))
        .bind(created_by)
        .bind(now())
        .execute(&mut *tx)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                Error::Refused(format!("user {name:?} already exists"))
            }
            _ => e.into(),
        })?;
    let details = serde_json::json!({"role": role.as_str()});
    let entry = AuditEntry { actor: created_by, action: AuditAction::UserAdd, entity: "user", target: name, details };
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(token)
}

/// Revokes a user's token at once; their requests are refused from then on.
pub async fn revoke(store: &Store, name: &str, revoked_by: &str) -> Result<()> {
    let mut tx = store.begin_write().await?;
    let changed = sqlx::query("UPDATE users SET revoked_at = $1 WHERE lower(name) = lower($2) AND revoked_at IS NULL")
        .bind(now())
        .bind(name)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed == 0 {
        return Err(Error::NotFound(format!("no active user {name:?}")).hint(Hint::List {
            what: "user".into(),
            integration: None,
            bucket: None,
        }));
    }
    let details = serde_json::json!({});
    let entry =
        AuditEntry { actor: revoked_by, action: AuditAction::UserRevoke, entity: "user", target: name, details };
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(())
}

/// A user as listed: whether their token still works, never the token.
#[derive(Debug, serde::Serialize)]
pub struct Listed {
    pub user: String,
    pub role: String,
    pub active: bool,
}

/// Every user, by name.
pub async fn list(store: &Store) -> Result<Vec<Listed>> {
    let rows = sqlx::query("SELECT name, role, revoked_at FROM users ORDER BY name").fetch_all(&store.pool).await?;
    Ok(rows
        .iter()
        .map(|r| Listed {
            user: r.get("name"),
            role: r.get("role"),
            active: r.get::<Option<String>, _>("revoked_at").is_none(),
        })
        .collect())
}

/// The user whose name and token these are, unless revoked.
pub async fn authenticate(store: &Store, name: &str, token: &str) -> Result<Option<User>> {
    let row =
        sqlx::query("SELECT name, role, token_hash FROM users WHERE lower(name) = lower($1) AND revoked_at IS NULL")
            .bind(name)
            .fetch_optional(&store.pool)
            .await?;
    let Some(row) = row else {
        // Spend the same work as a real check, so timing does not tell which names exist.
        let _ = constant_time_eq(hash(token).as_bytes(), hash("").as_bytes());
        return Ok(None);
    };
    let stored: String = row.get("token_hash");
    if !constant_time_eq(hash(token).as_bytes(), stored.as_bytes()) {
        return Ok(None);
    }
    let role = row
        .get::<String, _>("role")
        .parse()
        .map_err(|e: crate::model::InvalidInput| Error::storage("a user's role in the database", e))?;
    Ok(Some(User { name: row.get("name"), role }))
}

pub(super) fn random_hex() -> Result<String> {
    let mut bytes = [0u8; 32];
    aws_lc_rs::rand::fill(&mut bytes).map_err(|_| Error::Failed("the system's random source failed".into()))?;
    Ok(hex::encode(bytes))
}

fn new_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    aws_lc_rs::rand::fill(&mut bytes).map_err(|_| Error::Failed("the system's random source failed".into()))?;
    Ok(format!("fct_{}", hex::encode(bytes)))
}

pub(super) fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_compared_whole() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_ne!(a, b);
        assert_eq!(a.len(), 4 + 64);
        assert!(constant_time_eq(hash(&a).as_bytes(), hash(&a).as_bytes()));
        assert!(!constant_time_eq(hash(&a).as_bytes(), hash(&b).as_bytes()));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
