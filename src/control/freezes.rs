//! Freeze windows as the embedded control plane keeps them, and the check
//! every move makes: a push, promotion or rollback into a bucket that a
//! freeze holds is refused in the transaction that would record it, unless
//! it is forced by someone allowed to (`Embedded::allow_force`).

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::{AnyConnection, Row};

use super::embedded::{Embedded, unknown};
use super::governing::Governing;
use super::store::rows::Columns;
use super::store::{format_time, stamp};
use super::*;
use crate::error::{Error, Result};

const FREEZE_SELECT: &str = "SELECT f.id, i.name AS integration, f.bucket, f.window_spec, f.reason, f.created_by,
    f.created_at, f.ended_by, f.ended_at FROM freezes f LEFT JOIN integrations i ON i.id = f.integration_id";

/// Now, for deciding whether a window holds and a request has expired. In a
/// debug build (the tests'), `FACETCTL_CLOCK` (an RFC 3339 time) sets it, so
/// windows can be tried at a chosen time; a release build reads only the
/// system clock, so no one moves through a freeze by setting a variable.
pub fn now() -> DateTime<Utc> {
    let set = cfg!(debug_assertions).then(|| std::env::var("FACETCTL_CLOCK").ok()).flatten();
    set.and_then(|t| DateTime::parse_from_rfc3339(&t).ok()).map_or_else(Utc::now, |t| t.with_timezone(&Utc))
}

fn freeze_from(r: &sqlx::any::AnyRow) -> Result<Freeze> {
    let c = Columns(r);
    Ok(Freeze {
        id: c.get("id")?,
        integration: c.get("integration")?,
        bucket: c.get("bucket")?,
        window: c.json("window_spec")?,
        reason: c.get("reason")?,
        created_by: c.get("created_by")?,
        created_at: c.time("created_at")?,
        ended_by: c.get("ended_by")?,
        ended_at: match c.get::<Option<String>>("ended_at")? {
            Some(_) => Some(c.time("ended_at")?),
            None => None,
        },
    })
}

impl Embedded {
    pub(super) async fn create_freeze(&self, new: NewFreeze) -> Result<Freeze> {
        if new.reason.trim().is_empty() {
            return Err(Error::Invalid("a freeze needs a reason: it is shown to everyone it stops".into()));
        }
        check_artifact_fields(&Default::default(), Some(&new.reason), None)?;
        validate_name("bucket", &new.bucket)?;
        new.window.check()?;
        let mut tx = self.store.begin_write().await?;
        let iid: Option<i64> = match &new.integration {
            Some(name) => Some(self.integration_id(&mut tx, name).await?),
            None => None,
        };
        let at = stamp();
        let id: i64 = sqlx::query(
            "INSERT INTO freezes (integration_id, bucket, window_spec, reason, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(iid)
        .bind(&new.bucket)
        .bind(serde_json::to_string(&new.window).expect("windows serialise"))
        .bind(&new.reason)
        .bind(&self.actor)
        .bind(format_time(at))
        .fetch_one(&mut *tx)
        .await?
        .get("id");
        let target = format!("{}/{}", new.integration.as_deref().unwrap_or("*"), new.bucket);
        let details = json!({"id": id, "window": new.window.to_string(), "reason": new.reason});
        self.audit(&mut tx, AuditAction::FreezeCreate, "freeze", &target, details).await?;
        tx.commit().await?;
        self.freeze(id).await
    }

    pub(super) async fn freezes(&self) -> Result<Vec<Freeze>> {
        let sql = format!("{FREEZE_SELECT} WHERE f.ended_at IS NULL ORDER BY f.id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&self.store.pool).await?;
        let now = now();
        // A span that is over stops nothing any more; it stays in the audit log.
        let over = |f: &Freeze| matches!(f.window, Window::Between { until, .. } if until <= now);
        Ok(rows.iter().map(freeze_from).collect::<Result<Vec<_>>>()?.into_iter().filter(|f| !over(f)).collect())
    }

    async fn freeze(&self, id: i64) -> Result<Freeze> {
        let sql = format!("{FREEZE_SELECT} WHERE f.id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&self.store.pool).await?;
        freeze_from(&row.ok_or_else(|| unknown("freeze", &id.to_string()))?)
    }

    pub(super) async fn end_freeze(&self, id: i64) -> Result<Freeze> {
        let mut tx = self.store.begin_write().await?;
        let ended = sqlx::query("UPDATE freezes SET ended_by = $1, ended_at = $2 WHERE id = $3 AND ended_at IS NULL")
            .bind(&self.actor)
            .bind(format_time(stamp()))
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if ended == 0 {
            return Err(Error::NotFound(format!("no freeze in force has id {id}")).hint(crate::error::Hint::List {
                what: "freeze".into(),
                integration: None,
                bucket: None,
            }));
        }
        self.audit(&mut tx, AuditAction::FreezeEnd, "freeze", &id.to_string(), json!({"id": id})).await?;
        tx.commit().await?;
        self.freeze(id).await
    }

    /// Refuses a move into `bucket` while a freeze holds on it, unless it is forced (and the
    /// caller may force it: `allow_force` was asked first).
    pub(super) async fn check_unfrozen(
        &self,
        conn: &mut AnyConnection,
        integration: &Governing,
        bucket: &str,
        forced: bool,
    ) -> Result<()> {
        let sql = format!(
            "{FREEZE_SELECT} WHERE f.ended_at IS NULL AND lower(f.bucket) = lower($1)
             AND (f.integration_id IS NULL OR f.integration_id = $2) ORDER BY f.id"
        );
        let rows =
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(bucket).bind(integration.id).fetch_all(&mut *conn).await?;
        let now = now();
        for freeze in rows.iter().map(freeze_from) {
            let freeze = freeze?;
            if let Some(until) = freeze.window.holds_until(now)
                && !forced
            {
                return Err(RuleBroken::Frozen {
                    integration: integration.name.clone(),
                    bucket: bucket.to_owned(),
                    until: until.to_rfc3339(),
                    set: format!("{}, set by {}: {}", freeze.window, freeze.created_by, freeze.reason),
                }
                .into());
            }
        }
        Ok(())
    }

    /// Whether this caller may force a move: with a reason, always, on the embedded control
    /// plane (its user owns the file); on a server, an admin for anything, a release manager
    /// through a freeze only.
    pub(super) fn allow_force(&self, what: Forcing, reason: Option<&str>) -> Result<()> {
        if reason.is_none_or(|r| r.trim().is_empty()) {
            return Err(Error::Invalid("a forced move needs a reason, which the audit log keeps".into()));
        }
        self.may_force(what)
    }

    /// Whether this caller's role may force a move of this kind.
    pub(super) fn may_force(&self, what: Forcing) -> Result<()> {
        let allowed = matches!(
            (self.role, what),
            (None | Some(Role::Admin), _) | (Some(Role::ReleaseManager), Forcing::ThroughFreeze)
        );
        if allowed {
            return Ok(());
        }
        Err(Error::Forbidden(format!(
            "user {} may not force a move {}; {}",
            self.actor,
            match what {
                Forcing::ThroughFreeze => "through a freeze",
                Forcing::OffWorkflow => "off the workflow",
            },
            match what {
                Forcing::ThroughFreeze => "an admin or a release manager may",
                Forcing::OffWorkflow => "an admin may",
            }
        )))
    }
}

/// An early check's answer, but for a freeze when the move is forced: whether it went through a
/// freeze (true), which the caller must then be allowed to force. (The hint says so over HTTP too.)
pub fn unless_forced(checked: Result<()>, forced: bool) -> Result<bool> {
    match checked {
        Ok(()) => Ok(false),
        Err(e) if forced && e.hint_of() == Some(crate::error::Hint::Force) => Ok(true),
        Err(e) => Err(e),
    }
}
