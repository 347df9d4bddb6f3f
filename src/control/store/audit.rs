//! The audit log's one insert. The log is only ever appended to: nothing in
//! the code updates or deletes a row of it.

use sqlx::AnyConnection;

use super::now;
use crate::error::Result;
use crate::model::AuditAction;

/// One event, written with the change it records (the caller's transaction).
pub struct AuditEntry<'a> {
    pub actor: &'a str,
    pub action: AuditAction,
    /// What kind of thing changed (`artifact`, `bucket`, `registry`...).
    pub entity: &'a str,
    /// Which one, as people name it (`payments/qa:build-7`).
    pub target: &'a str,
    /// The facts of the change; never a secret.
    pub details: serde_json::Value,
}

pub async fn append(conn: &mut AnyConnection, entry: AuditEntry<'_>) -> Result<()> {
    let AuditEntry { actor, action, entity, target, details } = entry;
    sqlx::query(
        "INSERT INTO audit_events (created_at, actor, action, entity, target, details) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(now())
    .bind(actor)
    .bind(action.as_str())
    .bind(entity)
    .bind(target)
    .bind(details.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
