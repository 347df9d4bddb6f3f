//! Records read back: the SELECTs that join a record's names, and each
//! record read from its row as `sqlx::FromRow`.
//! Columns that hold a model type as text (times, digests, words, JSON) are
//! read in one place, `Columns`, so a bad value is a decode error naming its column.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use sqlx::any::AnyRow;
use sqlx::{Any, Decode, FromRow, Row, Type};

use crate::model::*;

pub const ARTIFACT_SELECT: &str =
    "SELECT a.id, i.name AS integration, a.bucket, a.image_uri, a.tag, a.digest, a.media_type,
    a.external_id, a.description, a.metadata, a.promoted_from, a.created_by, a.created_at
    FROM artifacts a JOIN integrations i ON i.id = a.integration_id";

pub const INTEGRATION_SELECT: &str =
    "SELECT i.id, i.name, i.registration_type, r.name AS registry, i.repository, i.layout,
    w.name AS workflow, rr.name AS rule, i.created_by, i.created_at
    FROM integrations i JOIN registries r ON r.id = i.registry_id LEFT JOIN workflows w ON w.id = i.workflow_id
    LEFT JOIN routing_rules rr ON rr.id = i.rule_id";

pub const EVENT_SELECT: &str = "SELECT e.id, i.name AS integration, e.bucket, e.kind, e.artifact_id, a.tag, a.digest,
    e.from_bucket, e.actor, e.reason, e.approved_by, e.created_at
    FROM bucket_events e JOIN integrations i ON i.id = e.integration_id JOIN artifacts a ON a.id = e.artifact_id";

pub const PROMOTION_SELECT: &str =
    "SELECT p.id, i.name AS integration, p.artifact_id, p.target_artifact_id, p.from_bucket,
    p.to_bucket, p.digest, p.actor, p.reason, p.state, p.forced, p.release_id, p.created_at
    FROM promotions p JOIN integrations i ON i.id = p.integration_id";

/// A row's columns, read as the model's types.
pub struct Columns<'r>(pub &'r AnyRow);

impl Columns<'_> {
    pub fn get<'a, T: Decode<'a, Any> + Type<Any>>(&'a self, column: &str) -> sqlx::Result<T> {
        self.0.try_get(column)
    }

    pub fn text(&self, column: &str) -> sqlx::Result<String> {
        self.0.try_get(column)
    }

    pub fn time(&self, column: &str) -> sqlx::Result<DateTime<Utc>> {
        let s = self.text(column)?;
        DateTime::parse_from_rfc3339(&s).map(|t| t.with_timezone(&Utc)).map_err(|e| bad(column, e))
    }

    /// A word of the model (a kind, a state, a layout) or a digest.
    pub fn word<T: FromStr<Err = InvalidInput>>(&self, column: &str) -> sqlx::Result<T> {
        self.text(column)?.parse().map_err(|e: InvalidInput| bad(column, e))
    }

    pub fn json<T: DeserializeOwned>(&self, column: &str) -> sqlx::Result<T> {
        serde_json::from_str(&self.text(column)?).map_err(|e| bad(column, e))
    }

    /// A boolean, kept as 0 or 1 on both backends.
    pub fn flag(&self, column: &str) -> sqlx::Result<bool> {
        Ok(self.get::<i64>(column)? != 0)
    }
}

fn bad(column: &str, e: impl std::error::Error + Send + Sync + 'static) -> sqlx::Error {
    sqlx::Error::ColumnDecode { index: column.to_owned(), source: Box::new(e) }
}

impl FromRow<'_, AnyRow> for Artifact {
    fn from_row(r: &AnyRow) -> sqlx::Result<Self> {
        let c = Columns(r);
        Ok(Artifact {
            id: c.get("id")?,
            integration: c.get("integration")?,
            bucket: c.get("bucket")?,
            image_uri: c.get("image_uri")?,
            tag: c.get("tag")?,
            digest: c.word("digest")?,
            media_type: c.get("media_type")?,
            external_id: c.get("external_id")?,
            description: c.get("description")?,
            metadata: c.json("metadata")?,
            promoted_from: c.get("promoted_from")?,
            created_by: c.get("created_by")?,
            created_at: c.time("created_at")?,
        })
    }
}

impl FromRow<'_, AnyRow> for Integration {
    fn from_row(r: &AnyRow) -> sqlx::Result<Self> {
        let c = Columns(r);
        Ok(Integration {
            id: c.get("id")?,
            name: c.get("name")?,
            registration_type: c.word("registration_type")?,
            registry: c.get("registry")?,
            repository: c.get("repository")?,
            layout: c.word("layout")?,
            workflow: c.get("workflow")?,
            rule: c.get("rule")?,
            bucket_registries: Default::default(),
            created_by: c.get("created_by")?,
            created_at: c.time("created_at")?,
        })
    }
}

impl FromRow<'_, AnyRow> for RoutingRule {
    fn from_row(r: &AnyRow) -> sqlx::Result<Self> {
        let c = Columns(r);
        Ok(RoutingRule {
            id: c.get("id")?,
            name: c.get("name")?,
            registration_type: c.word("registration_type")?,
            criteria: c.json("criteria")?,
            created_by: c.get("created_by")?,
            created_at: c.time("created_at")?,
        })
    }
}

impl FromRow<'_, AnyRow> for Registry {
    fn from_row(r: &AnyRow) -> sqlx::Result<Self> {
        let c = Columns(r);
        Ok(Registry {
            id: c.get("id")?,
            name: c.get("name")?,
            kind: c.word("kind")?,
            uri: c.get("uri")?,
            insecure: c.flag("insecure")?,
            username: c.get("username")?,
            created_by: c.get("created_by")?,
            created_at: c.time("created_at")?,
        })
    }
}

impl FromRow<'_, AnyRow> for Workflow {
    fn from_row(r: &AnyRow) -> sqlx::Result<Self> {
        let c = Columns(r);
        Ok(Workflow {
            id: c.get("id")?,
            name: c.get("name")?,
            registration_type: c.word("registration_type")?,
            stages: c.json("stages")?,
            gates: c.json("gates")?,
            created_by: c.get("created_by")?,
            created_at: c.time("created_at")?,
        })
    }
}

impl FromRow<'_, AnyRow> for ReleaseStream {
    fn from_row(r: &AnyRow) -> sqlx::Result<Self> {
        let c = Columns(r);
        Ok(ReleaseStream {
            id: c.get("id")?,
            name: c.get("name")?,
            description: c.get("description")?,
            prod: c.flag("prod")?,
            created_by: c.get("created_by")?,
            created_at: c.time("created_at")?,
        })
    }
}

impl FromRow<'_, AnyRow> for Environment {
    fn from_row(r: &AnyRow) -> sqlx::Result<Self> {
        let c = Columns(r);
        Ok(Environment {
            id: c.get("id")?,
            name: c.get("name")?,
            release_stream: c.get("release_stream")?,
            created_by: c.get("created_by")?,
            created_at: c.time("created_at")?,
        })
    }
}

impl FromRow<'_, AnyRow> for BucketEvent {
    fn from_row(r: &AnyRow) -> sqlx::Result<Self> {
        let c = Columns(r);
        Ok(BucketEvent {
            id: c.get("id")?,
            integration: c.get("integration")?,
            bucket: c.get("bucket")?,
            kind: c.word("kind")?,
            artifact_id: c.get("artifact_id")?,
            tag: c.get("tag")?,
            digest: c.word("digest")?,
            from_bucket: c.get("from_bucket")?,
            actor: c.get("actor")?,
            reason: c.get("reason")?,
            approved_by: match c.get::<Option<String>>("approved_by")? {
                Some(_) => c.json("approved_by")?,
                None => Vec::new(),
            },
            created_at: c.time("created_at")?,
        })
    }
}

impl FromRow<'_, AnyRow> for Promotion {
    fn from_row(r: &AnyRow) -> sqlx::Result<Self> {
        let c = Columns(r);
        Ok(Promotion {
            id: c.get("id")?,
            integration: c.get("integration")?,
            artifact_id: c.get("artifact_id")?,
            target_artifact_id: c.get("target_artifact_id")?,
            from_bucket: c.get("from_bucket")?,
            to_bucket: c.get("to_bucket")?,
            digest: c.word("digest")?,
            actor: c.get("actor")?,
            reason: c.get("reason")?,
            state: c.word("state")?,
            forced: c.flag("forced")?,
            release: c.get("release_id")?,
            created_at: c.time("created_at")?,
        })
    }
}

impl FromRow<'_, AnyRow> for AuditEvent {
    fn from_row(r: &AnyRow) -> sqlx::Result<Self> {
        let c = Columns(r);
        Ok(AuditEvent {
            id: c.get("id")?,
            created_at: c.time("created_at")?,
            actor: c.get("actor")?,
            action: c.get("action")?,
            entity: c.get("entity")?,
            target: c.get("target")?,
            // The log is append-only: a row that cannot be read as JSON stays listable, as null.
            details: c.json("details").unwrap_or_default(),
        })
    }
}
