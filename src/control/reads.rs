//! Reading the records back: artifacts, bucket heads and their history,
//! promotions and the audit log. Look-ups by key keep cached plans; listings
//! are planned for their values (`Plan`).

use super::embedded::Embedded;
use super::store::rows::*;
use super::*;
use crate::error::{Error, Hint, Result};

impl Embedded {
    async fn fetch_artifacts(&self, filter: &str, binds: Vec<BindValue>, plan: Plan) -> Result<Vec<Artifact>> {
        let sql = format!("{ARTIFACT_SELECT} {filter}");
        let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql)).persistent(plan == Plan::Cached);
        for b in binds {
            q = match b {
                BindValue::Int(i) => q.bind(i),
                BindValue::Text(s) => q.bind(s),
            };
        }
        Ok(q.fetch_all(&self.store.pool).await?)
    }

    pub(super) async fn current_artifact(&self, integration: &str, bucket: &str) -> Result<Option<Artifact>> {
        self.integration(integration).await?;
        let found = self
            .fetch_artifacts(
                "JOIN buckets b ON b.current_artifact_id = a.id WHERE i.name = $1 AND b.bucket = $2",
                vec![BindValue::Text(integration.into()), BindValue::Text(bucket.into())],
                Plan::Cached,
            )
            .await?;
        Ok(found.into_iter().next())
    }

    pub(super) async fn artifact(&self, id: i64) -> Result<Artifact> {
        let found = self.fetch_artifacts("WHERE a.id = $1", vec![BindValue::Int(id)], Plan::Cached).await?;
        found.into_iter().next().ok_or_else(|| {
            Error::NotFound(format!("no artifact has id {id}")).hint(Hint::List {
                what: "artifact".into(),
                integration: None,
                bucket: None,
            })
        })
    }

    pub(super) async fn artifacts(&self, integration: &str, bucket: Option<&str>) -> Result<Vec<Artifact>> {
        self.integration(integration).await?;
        match bucket {
            Some(b) => {
                self.fetch_artifacts(
                    "WHERE i.name = $1 AND a.bucket = $2 ORDER BY a.id DESC",
                    vec![BindValue::Text(integration.into()), BindValue::Text(b.into())],
                    Plan::PerValue,
                )
                .await
            }
            None => {
                let by_integration = vec![BindValue::Text(integration.into())];
                self.fetch_artifacts("WHERE i.name = $1 ORDER BY a.id DESC", by_integration, Plan::PerValue).await
            }
        }
    }

    pub(super) async fn find_artifact(
        &self,
        integration: &str,
        bucket: &str,
        key: ArtifactKey<'_>,
    ) -> Result<Option<Artifact>> {
        let (column, value) = match key {
            ArtifactKey::Tag(tag) => ("tag", tag),
            ArtifactKey::Digest(digest) => ("digest", digest.as_str()),
        };
        let filter = format!("WHERE i.name = $1 AND a.bucket = $2 AND a.{column} = $3 ORDER BY a.id DESC LIMIT 1");
        let binds =
            vec![BindValue::Text(integration.into()), BindValue::Text(bucket.into()), BindValue::Text(value.into())];
        Ok(self.fetch_artifacts(&filter, binds, Plan::Cached).await?.into_iter().next())
    }

    pub(super) async fn bucket_events(
        &self,
        integration: &str,
        bucket: Option<&str>,
        limit: u32,
    ) -> Result<Vec<BucketEvent>> {
        // By id, not by the joined name: the planner then knows which
        // integration, and walks its (integration_id, id) index newest first.
        let iid = self.integration(integration).await?.id;
        let events = match bucket {
            Some(b) => {
                let sql =
                    format!("{EVENT_SELECT} WHERE e.integration_id = $1 AND e.bucket = $2 ORDER BY e.id DESC LIMIT $3");
                // Planned for its values: see `Plan`.
                sqlx::query_as(sqlx::AssertSqlSafe(sql))
                    .persistent(false)
                    .bind(iid)
                    .bind(b)
                    .bind(i64::from(limit))
                    .fetch_all(&self.store.pool)
                    .await?
            }
            None => {
                let sql = format!("{EVENT_SELECT} WHERE e.integration_id = $1 ORDER BY e.id DESC LIMIT $2");
                // Planned for its values: see `Plan`.
                sqlx::query_as(sqlx::AssertSqlSafe(sql))
                    .persistent(false)
                    .bind(iid)
                    .bind(i64::from(limit))
                    .fetch_all(&self.store.pool)
                    .await?
            }
        };
        Ok(events)
    }

    pub(super) async fn promotions(&self, integration: &str, limit: u32) -> Result<Vec<Promotion>> {
        self.integration(integration).await?;
        let sql = format!("{PROMOTION_SELECT} WHERE i.name = $1 ORDER BY p.id DESC LIMIT $2");
        // Planned for its values: see `Plan`.
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .persistent(false)
            .bind(integration)
            .bind(i64::from(limit))
            .fetch_all(&self.store.pool)
            .await?)
    }

    pub(super) async fn audit_events(&self, filter: AuditFilter) -> Result<Vec<AuditEvent>> {
        let since = filter.since.map(super::store::format_time).unwrap_or_default();
        Ok(sqlx::query_as(
            "SELECT id, created_at, actor, action, entity, target, details FROM audit_events
             WHERE ($1 = '' OR actor = $1) AND created_at >= $2 AND ($4 = '' OR action = $4)
             AND ($5 = '' OR target = $5 OR substr(target, 1, length(CAST($5 AS TEXT)) + 1) IN ($5 || '/', $5 || ':'))
             ORDER BY id DESC LIMIT $3",
        )
        // Planned for its values (an actor, or none): see `Plan`.
        .persistent(false)
        .bind(filter.actor.unwrap_or_default())
        .bind(since)
        .bind(i64::from(filter.limit.unwrap_or(100)))
        .bind(filter.action.unwrap_or_default())
        .bind(filter.integration.unwrap_or_default())
        .fetch_all(&self.store.pool)
        .await?)
    }
}

/// How PostgreSQL plans a read. A statement prepared once per connection
/// may, after five runs, be planned once for any value; for a listing whose
/// best plan depends on whose rows it reads (an integration with a million
/// events, or one with none) that generic plan walked every event: 123 ms in
/// `EXPLAIN ANALYZE`, against 0.04 ms planned for the value. Listings are
/// therefore sent unprepared (PostgreSQL's unnamed statement, planned for its
/// values each run); look-ups by key and writes keep their cached plans.
/// SQLite plans the same either way.
#[derive(Clone, Copy, PartialEq)]
enum Plan {
    Cached,
    PerValue,
}

enum BindValue {
    Int(i64),
    Text(String),
}
